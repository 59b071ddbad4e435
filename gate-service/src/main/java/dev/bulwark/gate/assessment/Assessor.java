package dev.bulwark.gate.assessment;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.gate.risk.Exposure;
import dev.bulwark.gate.risk.RiskScore;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Assesses a scan's findings: a fingerprint for each, a risk score (with exploitation evidence
 * and the project's exposure), and a status: SUPPRESSED when a suppression matches, else
 * EXISTING when the baseline had the same fingerprint, else NEW.
 */
public record Assessor(ExploitIntel intel) {
  /**
   * @param findings       as the scanners reported them
   * @param baseline       fingerprints of the baseline scan's findings
   * @param exposure       the project's exposure, a risk factor
   * @param suppressionFor the suppression that applies to a finding, if any
   */
  public List<AssessedFinding> assess(List<Finding> findings, Set<String> baseline, Exposure exposure,
      Function<Finding, Optional<Suppression>> suppressionFor) {
    return findings.stream().map(raw -> {
      var f = Fingerprints.ensure(raw);
      var by = suppressionFor.apply(f);
      var status = by.isPresent() ? FindingStatus.SUPPRESSED
          : baseline.contains(f.getFingerprint()) ? FindingStatus.EXISTING : FindingStatus.NEW;
      return new AssessedFinding(f, RiskScore.of(f, exposure, intel), status, by);
    }).toList();
  }
}
