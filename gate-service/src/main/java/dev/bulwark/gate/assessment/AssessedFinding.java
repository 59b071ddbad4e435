package dev.bulwark.gate.assessment;

import dev.bulwark.gate.risk.RiskScore;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Scope;
import java.util.Optional;

/**
 * A finding as the gate sees it: scored, placed against the previous scan, and possibly
 * suppressed.
 *
 * @param finding      the finding, with a fingerprint
 * @param risk         its risk score
 * @param status       NEW, EXISTING or SUPPRESSED
 * @param suppressedBy the suppression that matched, when SUPPRESSED
 */
public record AssessedFinding(Finding finding, RiskScore risk, FindingStatus status,
    Optional<Suppression> suppressedBy) {

  /** Short, human-readable identity for reasons: rule, package or path, risk. */
  public String label() {
    var f = finding;
    String where;
    if (f.hasPackage()) {
      where = f.getPackage().getName() + " " + f.getPackage().getVersion()
          + (f.getPackage().getManifestPath().isEmpty() ? "" : " (" + f.getPackage().getManifestPath() + ")");
    } else {
      where = f.getLocation().getPath()
          + (f.getLocation().getStartLine() > 0 ? ":" + f.getLocation().getStartLine() : "");
    }
    return f.getRuleId() + " in " + where + " [risk " + risk.score() + "]";
  }

  /** The finding's scope for policy purposes: no package or unspecified scope means runtime. */
  public Scope effectiveScope() {
    if (!finding.hasPackage() || finding.getPackage().getScope() == Scope.SCOPE_UNSPECIFIED) {
      return Scope.RUNTIME;
    }
    return finding.getPackage().getScope();
  }

  /**
   * A committed secret: a rule id starting with {@code secret.} or a CWE-798 (hard-coded
   * credentials) finding from the sast scanner. The built-in secret rule denies these, and CEL
   * rules see it as {@code finding.is_secret}.
   */
  public static boolean isSecret(Finding f) {
    return f.getRuleId().startsWith("secret.") || ("sast".equals(f.getScanner()) && f.getCweList().contains(798));
  }
}
