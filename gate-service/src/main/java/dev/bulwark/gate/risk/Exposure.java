package dev.bulwark.gate.core;

import java.util.Locale;

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

  static Exposure parse(String value, String where) {
    for (var e : values()) {
      if (e != UNSPECIFIED && e.yaml.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new PolicyException(where + ": exposure must be internet-facing or internal, not '" + value + "'");
  }
}
