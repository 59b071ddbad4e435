package dev.bulwark.gate.core;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScannerReport;
import java.util.List;
import java.util.Set;

/** The gate's record of scans, findings and decisions (implemented with JDBI in {@code db}). */
public interface DecisionStore {
  /**
   * Fingerprints of every finding (suppressed ones included) of the scan of the same project
   * and branch before {@code scanId}; empty for the first scan. Evaluating the same scan id
   * again compares against the scan before it, not against itself.
   */
  Set<String> previousFingerprints(String scanId, ScanContext context);

  /** Stores one evaluation: the scan (replacing its findings if evaluated before), findings, decision. */
  void record(Evaluation evaluation);

  /** Decisions newest first, for one project or all ({@code project} empty). */
  List<Decision> listDecisions(String project, int limit);

  /**
   * One evaluation, as recorded.
   *
   * @param decision      the decision returned
   * @param findings      every finding with score and status
   * @param scanners      the scanner reports
   * @param suppressions  suppressions that were valid
   * @param ignored       suppressions not applied, with why
   * @param inputsDigest  SHA-256 of the request (findings, scanners, policy text)
   */
  record Evaluation(Decision decision, List<AssessedFinding> findings, List<ScannerReport> scanners,
      List<Suppression> suppressions, List<String> ignored, String inputsDigest) {
    public Evaluation {
      findings = List.copyOf(findings);
      scanners = List.copyOf(scanners);
      suppressions = List.copyOf(suppressions);
      ignored = List.copyOf(ignored);
    }
  }
}
