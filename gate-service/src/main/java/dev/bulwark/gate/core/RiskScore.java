package dev.bulwark.gate.core;

import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;

/**
 * How urgent one finding is, 0-100, with the factors that made it so.
 *
 * <p>The formula ({@value #VERSION}; also in {@code gate-service/README-scoring.md}):
 * <pre>
 *   score = round(clamp(base × scope × dependency × fix × confidence, 0, 100))
 *   base        = cvss_score × 10 when the scanner gave a CVSS score (&gt; 0), else by severity:
 *                 CRITICAL 95, HIGH 80, MEDIUM 55, LOW 30, INFO 10, unspecified 50
 *   scope       = RUNTIME 1.0 (and code, secret, configuration findings: no package),
 *                 OPTIONAL 0.7, PROVIDED 0.7, DEV 0.4, TEST 0.3, unspecified 1.0
 *   dependency  = direct 1.0, transitive 0.9, unknown 1.0 (only when the format tells)
 *   fix         = a fixed version exists 1.0, none known 0.85 (for packages; 1.0 otherwise)
 *   confidence  = HIGH 1.0, MEDIUM 0.85, LOW 0.6, unspecified 0.9
 * </pre>
 * A fix raises urgency because the finding is actionable now; a runtime dependency outranks
 * the same advisory on the test classpath (junit 4.12 in TEST scope scores at most 30% of its
 * runtime twin). Unknown values never lower a score below what a known-worst value would give,
 * except confidence, where "not said" sits between MEDIUM and HIGH.
 *
 * @param score   0-100
 * @param factors the base first, then each multiplier, in the order above
 */
public record RiskScore(int score, List<Factor> factors) {
  /** Bumped whenever the formula changes, so stored scores can be told apart. */
  public static final String VERSION = "risk@1";

  /**
   * One contribution to a score.
   *
   * @param name   "severity", "cvss", "scope", "dependency", "fix-available" or "confidence"
   * @param value  human-readable value, e.g. "HIGH", "test", "yes"
   * @param effect points for the base, a multiplier for the others
   */
  public record Factor(String name, String value, double effect) {}

  public RiskScore {
    factors = List.copyOf(factors);
  }

  /** Scores one finding by the formula above. */
  public static RiskScore of(Finding f) {
    Factor base = f.getCvssScore() > 0
        ? new Factor("cvss", String.format(Locale.ROOT, "%.1f", f.getCvssScore()),
            Math.min(100.0, f.getCvssScore() * 10))
        : new Factor("severity", f.getSeverity().name(), severityPoints(f.getSeverity()));
    var factors = List.of(base, scope(f), dependency(f), fix(f), confidence(f.getConfidence()));
    double value = factors.get(0).effect();
    for (int i = 1; i < factors.size(); i++) {
      value *= factors.get(i).effect();
    }
    int score = (int) Math.round(Math.max(0, Math.min(100, value)));
    return new RiskScore(score, factors);
  }

  static double severityPoints(Severity s) {
    return switch (s) {
      case CRITICAL -> 95;
      case HIGH -> 80;
      case MEDIUM -> 55;
      case LOW -> 30;
      case INFO -> 10;
      default -> 50;
    };
  }

  private static Factor scope(Finding f) {
    if (!f.hasPackage()) {
      return new Factor("scope", "code", 1.0);
    }
    Scope s = f.getPackage().getScope();
    double m = switch (s) {
      case OPTIONAL, PROVIDED -> 0.7;
      case DEV -> 0.4;
      case TEST -> 0.3;
      default -> 1.0;
    };
    String name = s == Scope.SCOPE_UNSPECIFIED ? "unspecified" : s.name().toLowerCase(Locale.ROOT);
    return new Factor("scope", name, m);
  }

  private static Factor dependency(Finding f) {
    if (!f.hasPackage() || !f.getPackage().getDirectKnown()) {
      return new Factor("dependency", f.hasPackage() ? "unknown" : "n/a", 1.0);
    }
    return f.getPackage().getDirect()
        ? new Factor("dependency", "direct", 1.0)
        : new Factor("dependency", "transitive", 0.9);
  }

  private static Factor fix(Finding f) {
    if (!f.hasPackage()) {
      return new Factor("fix-available", "n/a", 1.0);
    }
    return f.getPackage().getFixedVersionsCount() > 0
        ? new Factor("fix-available", "yes", 1.0)
        : new Factor("fix-available", "no", 0.85);
  }

  private static Factor confidence(Confidence c) {
    return switch (c) {
      case CONFIDENCE_HIGH -> new Factor("confidence", "high", 1.0);
      case CONFIDENCE_MEDIUM -> new Factor("confidence", "medium", 0.85);
      case CONFIDENCE_LOW -> new Factor("confidence", "low", 0.6);
      default -> new Factor("confidence", "unspecified", 0.9);
    };
  }
}
