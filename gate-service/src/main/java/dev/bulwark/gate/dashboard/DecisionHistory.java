package dev.bulwark.gate.dashboard;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The gate's record read across scans, for the dashboard (implemented with JDBI in {@code db},
 * over the same tables the gate writes). Unfiltered: the {@link Dashboard} decides who may read
 * what.
 */
public interface DecisionHistory {
  /** The newest decision of every project (an override when one was the last). */
  List<Decision> latestPerProject();

  /** A project's decisions, newest first. */
  List<Decision> decisions(String project, int limit);

  /** A project's break-glass overrides, newest first. */
  List<Decision> overrides(String project, int limit);

  /**
   * Unsuppressed findings by severity of a project's latest scans, oldest first.
   *
   * @param scans at most this many scans, the newest
   */
  List<ScanCounts> findingTrend(String project, int scans);

  /** Every finding recorded for a scan, riskiest first. */
  List<RecordedFinding> findings(String scanId);

  /** The suppressions a project's latest evaluation applied (and those it ignored). */
  List<RecordedSuppression> suppressions(String project);

  /**
   * One scan's open findings by severity.
   *
   * @param bySeverity severity name ("CRITICAL" ... "INFO") to count
   */
  record ScanCounts(String scanId, String branch, Instant at, Map<String, Integer> bySeverity) {
    public ScanCounts {
      bySeverity = Map.copyOf(bySeverity);
    }
  }

  /** A finding as recorded: the finding, its status, risk and the suppression that matched. */
  record RecordedFinding(Finding finding, String status, int risk, String suppression) {}

  /**
   * A suppression an evaluation considered.
   *
   * @param applied     true when it was valid (APPLIED), false when it was reported as not applied
   * @param description what it matches and where it was declared (or, when ignored, why)
   * @param expires     its last day; null for an ignored one
   * @param matched     how many findings it suppressed
   */
  record RecordedSuppression(boolean applied, String description, String reason, LocalDate expires, int matched) {}
}
