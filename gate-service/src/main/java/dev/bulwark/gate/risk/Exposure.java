package dev.bulwark.gate.risk;

import java.util.Locale;
import java.util.Optional;

/**
 * How reachable a project is, from {@code exposure:} in {@code .bulwark.yaml}: a vulnerability in
 * an internet-facing service is more urgent than the same one in an internal tool.
 */
public enum Exposure {
  UNSPECIFIED("unspecified"),
  INTERNET_FACING("internet-facing"),
  INTERNAL("internal");

  private final String yaml;

  Exposure(String yaml) {
    this.yaml = yaml;
  }

  /** As written in the policy file. */
  public String yaml() {
    return yaml;
  }

  /** The exposure written as {@code value} ("internet-facing" or "internal"), if it is one. */
  public static Optional<Exposure> fromYaml(String value) {
    for (var e : values()) {
      if (e != UNSPECIFIED && e.yaml.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
