package dev.bulwark.gate.risk;

import dev.bulwark.advisories.intel.EpssScore;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.advisories.intel.KevEntry;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How urgent one finding is, 0-100, with the factors that made it so.
 *
 * <p>The formula ({@value #VERSION}; also in {@code gate-service/README-scoring.md}):
 * <pre>
 *   score = round(clamp(base × scope × dependency × fix × confidence × kev × epss × exposure, 0, 100))
 *   then, when KEV-listed in runtime scope: score = max(score, 80)
 *   base        = cvss_score × 10 when the scanner gave a CVSS score (&gt; 0), else by severity:
 *                 CRITICAL 95, HIGH 80, MEDIUM 55, LOW 30, INFO 10, unspecified 50
 *   scope       = RUNTIME 1.0 (and code, secret, configuration findings: no package),
 *                 OPTIONAL 0.7, PROVIDED 0.7, DEV 0.4, TEST 0.3, unspecified 1.0
 *   dependency  = direct 1.0, transitive 0.9, unknown 1.0 (only when the format tells)
 *   fix         = a fixed version exists 1.0, none known 0.85 (for packages; 1.0 otherwise)
 *   confidence  = HIGH 1.0, MEDIUM 0.85, LOW 0.6, unspecified 0.9
 *   kev         = one of the finding's CVE ids is in CISA KEV 1.5, else 1.0
 *   epss        = 1 + the highest FIRST EPSS probability of its CVE ids (1.0-2.0), unknown 1.0
 *   exposure    = the project's exposure: internet-facing 1.2, internal 0.8, unspecified 1.0
 * </pre>
 * Exploitation evidence outweighs the rest: a vulnerability exploited in the wild (KEV) and
 * shipped at runtime is never ranked below 80, whatever its CVSS, fix or confidence.
 * A fix raises urgency because the finding is actionable now; a runtime dependency outranks
 * the same advisory on the test classpath (junit 4.12 in TEST scope scores at most 30% of its
 * runtime twin). Unknown values never lower a score below what a known-worst value would give,
 * except confidence, where "not said" sits between MEDIUM and HIGH.
 *
 * @param score   0-100
 * @param factors the base first, then each multiplier, in the order above (eight in all)
 */
public record RiskScore(int score, List<Factor> factors) {
  /** Bumped whenever the formula changes, so stored scores can be told apart. */
  public static final String VERSION = "risk@2";
  /** A KEV-listed finding in runtime scope never scores below this. */
  public static final int KEV_RUNTIME_FLOOR = 80;
  static final double KEV_BOOST = 1.5;

  /**
   * One contribution to a score.
   *
   * @param name   "severity", "cvss", "scope", "dependency", "fix-available", "confidence", "kev", "epss"
   *               or "exposure"
   * @param value  human-readable value, e.g. "HIGH", "test", "yes"
   * @param effect points for the base, a multiplier for the others
   */
  public record Factor(String name, String value, double effect) {}

  public RiskScore {
    factors = List.copyOf(factors);
  }

  /** The factor of this name, when the score has one. */
  public Optional<Factor> factor(String name) {
    return factors.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Scores one finding without exploitation evidence, for a project of unspecified exposure. */
  public static RiskScore of(Finding f) {
    return of(f, Exposure.UNSPECIFIED, ExploitIntel.empty());
  }

  /** Scores one finding by the formula above. */
  public static RiskScore of(Finding f, Exposure exposure, ExploitIntel intel) {
    Factor base = f.getCvssScore() > 0
        ? new Factor("cvss", String.format(Locale.ROOT, "%.1f", f.getCvssScore()),
            Math.min(100.0, f.getCvssScore() * 10))
        : new Factor("severity", f.getSeverity().name(), severityPoints(f.getSeverity()));
    var kev = intel.kev(f);
    var factors = List.of(base, scope(f), dependency(f), fix(f), confidence(f.getConfidence()), kev(kev, runtime(f)),
        epss(intel.epss(f)), exposure(exposure));
    double value = factors.get(0).effect();
    for (int i = 1; i < factors.size(); i++) {
      value *= factors.get(i).effect();
    }
    int score = (int) Math.round(Math.max(0, Math.min(100, value)));
    if (kev.isPresent() && runtime(f)) {
      score = Math.max(score, KEV_RUNTIME_FLOOR);
    }
    return new RiskScore(score, factors);
  }

  private static boolean runtime(Finding f) {
    return !f.hasPackage() || f.getPackage().getScope() == Scope.RUNTIME
        || f.getPackage().getScope() == Scope.SCOPE_UNSPECIFIED;
  }

  private static Factor kev(Optional<KevEntry> kev, boolean runtime) {
    return kev.map(k -> new Factor("kev", "listed " + k.cveId() + (k.dateAdded() == null ? "" : " since " + k.dateAdded())
            + (k.ransomware() ? ", ransomware" : "") + (runtime ? ", floor " + KEV_RUNTIME_FLOOR : ""), KEV_BOOST))
        .orElse(new Factor("kev", "no", 1.0));
  }

  private static Factor epss(Optional<EpssScore> epss) {
    return epss.map(e -> new Factor("epss", String.format(Locale.ROOT, "%.3f %s (p%.0f)", e.epss(), e.cve(),
            e.percentile() * 100), 1 + e.epss()))
        .orElse(new Factor("epss", "unknown", 1.0));
  }

  private static Factor exposure(Exposure e) {
    return switch (e) {
      case INTERNET_FACING -> new Factor("exposure", e.yaml(), 1.2);
      case INTERNAL -> new Factor("exposure", e.yaml(), 0.8);
      case UNSPECIFIED -> new Factor("exposure", e.yaml(), 1.0);
    };
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
