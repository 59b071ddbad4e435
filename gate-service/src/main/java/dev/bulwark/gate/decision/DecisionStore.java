package dev.bulwark.gate.decision;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.policy.CentralPolicyStore;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.gate.suppression.SuppressionStore;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScannerReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The gate's record of scans, findings and decisions (implemented with JDBI in {@code db}). */
public interface DecisionStore {
  /**
   * Fingerprints of every finding (suppressed ones included) of the scan of the same project
   * and branch before {@code scanId}; empty for the first scan. Evaluating the same scan id
   * again compares against the scan before it, not against itself.
   */
  default Set<String> previousFingerprints(String scanId, ScanContext context) {
    return baselineFindings(scanId, context, "").stream().map(Finding::getFingerprint)
        .collect(Collectors.toSet());
  }

  /**
   * Every finding (suppressed ones included) of the scan a new one is compared with: with
   * {@code baselineBranch} empty, the scan of the same project and branch before {@code scanId}
   * (as {@link #previousFingerprints}); otherwise the latest scan of that branch of the same
   * project, other than {@code scanId} itself. Empty when there is none.
   */
  List<Finding> baselineFindings(String scanId, ScanContext context, String baselineBranch);

  /** The newest decision recorded for a scan (an override when one was made), with what went into it. */
  Optional<StoredDecision> latestDecision(String scanId);

  /** Records a break-glass override as a new decision of its scan (scanner statuses and inputs digest carried over). */
  void recordOverride(Decision override);

  /** Central suppressions, kept beside the record. */
  SuppressionStore suppressions();

  /** Central policies, kept beside the record. */
  CentralPolicyStore policies();

  /**
   * A decision as recorded.
   *
   * @param scannerStatuses scanner name to "STATUS" or "STATUS: message"
   * @param inputsDigest    SHA-256 of the request the decision was made on
   */
  record StoredDecision(Decision decision, Map<String, String> scannerStatuses, String inputsDigest) {
    public StoredDecision {
      scannerStatuses = Map.copyOf(scannerStatuses);
    }
  }

  /** Stores one evaluation: the scan (replacing its findings if evaluated before), findings, decision. */
  void record(Evaluation evaluation);

  /**
   * Stores one evaluation as {@link #record(Evaluation)} does and, in the same transaction, the
   * answer kept for its scan id, fenced by the evaluation's claim on the scan (the gate's
   * {@code db.EvaluationReplies}): one commit for both, and an evaluation whose claim was taken
   * over meanwhile records nothing, so a scan never gets a second decision from it.
   *
   * @return false when the claim was no longer this evaluation's: nothing recorded
   */
  boolean record(Evaluation evaluation, KeptReply reply);

  /**
   * The answer an evaluation gives for its scan id, kept with its decision.
   *
   * @param claimedAt when the evaluation claimed the scan (the fence)
   * @param response  the serialized {@code EvaluateResponse}
   */
  record KeptReply(String scanId, Instant claimedAt, byte[] response) {}

  /** Decisions newest first, for one project or all ({@code project} empty). */
  default List<Decision> listDecisions(String project, int limit) {
    return listDecisions(new DecisionQuery(project, "", 0, limit)).decisions();
  }

  /** One page of decisions, newest first, filtered as the query says. */
  DecisionPage listDecisions(DecisionQuery query);

  /**
   * Which decisions to list.
   *
   * @param project  empty for all projects
   * @param branch   empty for all branches
   * @param beforeId only decisions recorded before this position (a page token); 0 for the newest
   * @param limit    at most this many
   */
  record DecisionQuery(String project, String branch, long beforeId, int limit) {}

  /**
   * A page of decisions.
   *
   * @param decisions   newest first
   * @param nextBefore  the {@code beforeId} of the next page, 0 when this is the last page
   */
  record DecisionPage(List<Decision> decisions, long nextBefore) {
    public DecisionPage {
      decisions = List.copyOf(decisions);
    }
  }

  /**
   * One evaluation, as recorded.
   *
   * @param decision      the decision returned
   * @param findings      every finding with score and status
   * @param scanners      the scanner reports
   * @param suppressions  suppressions that were valid
   * @param ignored       suppressions not applied, with why
   * @param inputsDigest  SHA-256 of the request (findings, scanners, policy text), the suppressions
   *                      applied (in-repo and central) and the exploit intel's version
   */
  record Evaluation(Decision decision, List<AssessedFinding> findings, List<ScannerReport> scanners,
      List<Suppression> suppressions, List<String> ignored, String inputsDigest) {
    public Evaluation {
      findings = List.copyOf(findings);
      scanners = List.copyOf(scanners);
      suppressions = List.copyOf(suppressions);
      ignored = List.copyOf(ignored);
    }

    /** Scanner name to "STATUS" or "STATUS: message", in report order. */
    public Map<String, String> scannerStatuses() {
      var statuses = new LinkedHashMap<String, String>();
      scanners.forEach(s -> statuses.put(s.getScanner(), s.getStatus().name()
          + (s.getMessage().isBlank() ? "" : ": " + s.getMessage())));
      return statuses;
    }
  }
}
