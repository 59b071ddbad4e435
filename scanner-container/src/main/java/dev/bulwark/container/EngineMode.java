package dev.bulwark.container;

import java.util.Locale;

/** Which analyzers the container scanner runs. */
public enum EngineMode {
  /** Native analyzers, plus Trivy when an executable is found. */
  AUTO,
  /** Native analyzers only. */
  NATIVE,
  /** Trivy only (native analyzers stand in, with a DEGRADED status, when Trivy is missing). */
  TRIVY,
  /** Both; duplicates (same rule, path and line) are merged. */
  BOTH;

  public static EngineMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("engine must be one of auto, native, trivy, both; got '" + s + "'");
    }
  }
}
