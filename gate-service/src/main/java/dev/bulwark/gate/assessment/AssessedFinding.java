package dev.bulwark.gate.core;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
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
}
