package dev.bulwark.gate.decision;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.assessment.Assessor;
import dev.bulwark.gate.assessment.ScanFacts;
import dev.bulwark.gate.audit.AuditRecord;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.gate.policy.CentralPolicies;
import dev.bulwark.gate.policy.PolicyLayers;
import dev.bulwark.gate.policy.PolicyResolution;
import dev.bulwark.gate.policy.PolicyResolver;
import dev.bulwark.gate.suppression.CentralSuppressions;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate: resolves the policy from its layers ({@link PolicyLayers}: the built-in default, the
 * project's central policy, the repository's policy and its {@code .bulwarkignore.yaml}), assesses
 * each finding against a baseline scan ({@link Assessor}: risk, NEW / EXISTING / SUPPRESSED; the
 * baseline is the previous scan of the same project and branch, or the latest scan of
 * {@code baseline_branch}), lets the policy decide, records everything and sends the decision to
 * the audit feed. A broken policy gives ERROR, never PASS ({@link PolicyResolution.Broken}). A FAIL
 * can be overridden (break-glass), which records a new PASS decision naming who and why.
 */
public final class Gate {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

  private final DecisionStore store;
  private final Clock clock;
  private final ExploitIntel intel;
  private final AuditSink audit;
  private final CentralSuppressions central;
  private final CentralPolicies policies;
  private final PolicyResolver resolver;
  /** Where an evaluation's reads run beside each other (daemon threads, made as needed). */
  private static final ExecutorService READS = Executors.newCachedThreadPool(r -> {
    var t = new Thread(r, "gate-read");
    t.setDaemon(true);
    return t;
  });

  /** A gate without exploit intel and without an audit feed. */
  public Gate(DecisionStore store, Clock clock) {
    this(store, clock, ExploitIntel.empty(), AuditSink.none());
  }

  public Gate(DecisionStore store, Clock clock, ExploitIntel intel, AuditSink audit) {
    this.store = store;
    this.clock = clock;
    this.intel = intel;
    this.audit = audit;
    this.central = new CentralSuppressions(store.suppressions(), clock);
    this.policies = new CentralPolicies(store.policies(), clock);
    this.resolver = new PolicyResolver(policies, central);
  }

  /**
   * What the gate answers: the decision, every finding as assessed, and the baseline's findings
   * this scan no longer has.
   */
  public record Result(Decision decision, List<AssessedFinding> findings, List<Finding> fixed) {
    public Result {
      findings = List.copyOf(findings);
      fixed = List.copyOf(fixed);
    }

    public Result(Decision decision, List<AssessedFinding> findings) {
      this(decision, findings, List.of());
    }
  }

  /** Central suppressions (AddSuppression, ListSuppressions, RemoveSuppression). */
  public CentralSuppressions suppressions() {
    return central;
  }

  /** Central policies (SetProjectPolicy, GetProjectPolicy). */
  public CentralPolicies policies() {
    return policies;
  }

  /** Evaluates a request the transport has validated (scan id and project present), and records it. */
  public Result evaluate(EvaluateRequest req) {
    var assessment = assess(req);
    record(assessment);
    return assessment.result();
  }

  /**
   * A decision made and not yet recorded: the answer and what {@link #record} stores.
   *
   * @param result     what the gate answers
   * @param evaluation what is recorded
   */
  public record Assessment(Result result, DecisionStore.Evaluation evaluation) {}

  /**
   * Decides a request the transport has validated, reading (the policy's layers and the baseline,
   * side by side) but writing nothing: the caller records it ({@link #record}) once it may.
   */
  public Assessment assess(EvaluateRequest req) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Two independent reads: the baseline is fetched while the policy's layers are resolved.
    var baselineRead = CompletableFuture.supplyAsync(
        () -> store.baselineFindings(req.getScanId(), req.getContext(), req.getBaselineBranch()), READS);
    PolicyResolution policy;
    try {
      policy = resolver.resolve(req, now.atZone(ZoneOffset.UTC).toLocalDate());
    } catch (RuntimeException e) {
      baselineRead.cancel(false);
      throw e;
    }
    var baseline = join(baselineRead);
    var assessed = new Assessor(intel).assess(req.getFindingsList(), fingerprints(baseline), policy.exposure(),
        policy::suppressionFor);
    var outcome = policy.decide(new ScanFacts(req.getContext(), assessed, req.getScannersList()));
    var decision = Decision.newBuilder()
        .setScanId(req.getScanId())
        .setVerdict(outcome.verdict())
        .setRiskScore(scanRisk(assessed))
        .addAllReasons(outcome.reasons())
        .setDecidedAt(timestamp(now))
        .setContext(req.getContext())
        .setPolicyVersion(policy.version())
        .addAllPolicies(policy.applied())
        .build();
    var fixed = fixed(baseline, assessed);
    LOG.info("scan {} of {}@{}: {} risk {} ({} findings, {} fixed since {}, policy {})", req.getScanId(),
        req.getContext().getProject(), req.getContext().getBranch(), decision.getVerdict(), decision.getRiskScore(),
        assessed.size(), fixed.size(), req.getBaselineBranch().isEmpty() ? "the previous scan"
            : "the latest scan of " + req.getBaselineBranch(), policy.version());
    var evaluation = new DecisionStore.Evaluation(decision, assessed, req.getScannersList(), policy.suppressions(),
        policy.ignoredSuppressions(), InputsDigest.of(req, policy.version(), policy.suppressions(), intel.version()));
    return new Assessment(new Result(decision, assessed, fixed), evaluation);
  }

  /** Records an assessment and sends its decision to the audit feed. */
  public void record(Assessment assessment) {
    store.record(assessment.evaluation());
    emitDecision(assessment.evaluation());
  }

  /**
   * Records an assessment together with the answer kept for its scan id, in one transaction
   * fenced by the evaluation's claim ({@link DecisionStore.KeptReply}), and sends its decision
   * to the audit feed.
   *
   * @return false when the claim was taken over meanwhile: nothing recorded, nothing sent
   */
  public boolean record(Assessment assessment, DecisionStore.KeptReply reply) {
    if (!store.record(assessment.evaluation(), reply)) {
      return false;
    }
    emitDecision(assessment.evaluation());
    return true;
  }

  private void emitDecision(DecisionStore.Evaluation evaluation) {
    emit(new AuditRecord(evaluation.decision(), evaluation.scannerStatuses(), evaluation.inputsDigest()));
  }

  private static <T> T join(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  /** The scan's risk: the highest score of a finding that is not suppressed, 0 without one. */
  private static int scanRisk(List<AssessedFinding> assessed) {
    return assessed.stream().filter(a -> a.status() != FindingStatus.SUPPRESSED)
        .mapToInt(a -> a.risk().score()).max().orElse(0);
  }

  private static Set<String> fingerprints(List<Finding> findings) {
    return findings.stream().map(Finding::getFingerprint).collect(Collectors.toSet());
  }

  /** The baseline's findings this scan no longer has, once per fingerprint. */
  private static List<Finding> fixed(List<Finding> baseline, List<AssessedFinding> assessed) {
    var current = assessed.stream().map(a -> a.finding().getFingerprint()).collect(Collectors.toSet());
    var fixed = new LinkedHashMap<String, Finding>();
    baseline.stream().filter(b -> !current.contains(b.getFingerprint()))
        .forEach(b -> fixed.putIfAbsent(b.getFingerprint(), b));
    return List.copyOf(fixed.values());
  }

  public List<Decision> listDecisions(String project, int limit) {
    return store.listDecisions(project, limit);
  }

  /** A page of decisions filtered by project and branch; see {@link DecisionStore.DecisionQuery}. */
  public DecisionStore.DecisionPage listDecisions(DecisionStore.DecisionQuery query) {
    return store.listDecisions(query);
  }

  /**
   * Break-glass: turns the FAIL of a scan into PASS, recording who and why as a new decision.
   * {@link Refusal}: INVALID without scan id, justification or identity; NOT_FOUND for a scan
   * without decision; PRECONDITION unless the scan's latest decision is FAIL.
   */
  public Decision override(String scanId, String justification, String identity) {
    if (scanId.isBlank()) {
      throw Refusal.invalid("scan_id is required");
    }
    if (justification.isBlank()) {
      throw Refusal.invalid("justification is required: say why this FAIL may ship");
    }
    if (identity.isBlank()) {
      throw Refusal.invalid("identity is required: who overrides (user or service)");
    }
    var latest = store.latestDecision(scanId)
        .orElseThrow(() -> Refusal.notFound("no decision recorded for scan '" + scanId + "'"));
    var d = latest.decision();
    if (d.getVerdict() != Verdict.FAIL) {
      throw Refusal.precondition("scan '" + scanId + "' is " + d.getVerdict()
          + (d.getOverridden() ? " (already overridden by " + d.getOverrideIdentity() + ")" : "")
          + ": only a FAIL can be overridden");
    }
    var override = d.toBuilder().setVerdict(Verdict.PASS).setOverridden(true)
        .setOverrideJustification(justification.strip()).setOverrideIdentity(identity.strip())
        .setDecidedAt(timestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
        .clearReasons().addReasons("OVERRIDE FAIL -> PASS by " + identity.strip() + ": " + justification.strip())
        .addAllReasons(d.getReasonsList()).build();
    store.recordOverride(override);
    LOG.warn("scan {} of {}@{}: FAIL overridden to PASS by {}: {}", scanId, d.getContext().getProject(),
        d.getContext().getBranch(), identity.strip(), justification.strip());
    emit(new AuditRecord(override, latest.scannerStatuses(), latest.inputsDigest()));
    return override;
  }

  private static String timestamp(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at);
  }

  private void emit(AuditRecord record) {
    try {
      audit.emit(record);
    } catch (RuntimeException e) {
      // The audit feed never fails a decision.
      LOG.warn("audit: the decision of scan {} was not emitted: {}", record.decision().getScanId(), e.toString());
    }
  }
}
