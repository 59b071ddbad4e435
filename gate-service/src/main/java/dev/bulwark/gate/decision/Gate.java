package dev.bulwark.gate.core;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.gate.audit.AuditRecord;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.gate.intel.ExploitIntel;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate: scores each finding (with exploitation evidence and the project's exposure), places
 * it against a baseline scan (NEW / EXISTING; the previous scan of the same project and branch,
 * or the latest scan of {@code baseline_branch}), applies the repository's and the central
 * suppressions (SUPPRESSED), lets the policy decide, records everything and sends the decision
 * to the audit feed. A policy that cannot be parsed or compiled gives ERROR, never PASS:
 * findings are still scored and recorded, but no suppression applies. A FAIL can be overridden
 * (break-glass), which records a new PASS decision naming who and why. The policy is assembled
 * from layers ({@link PolicyLayers}): the built-in default, the project's central policy, the
 * repository's policy and its {@code .bulwarkignore.yaml}; the decision names each layer applied.
 */
public final class Gate {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
  private static final String DEFAULT_POLICY_PATH = ".bulwark.yaml";

  private final DecisionStore store;
  private final Clock clock;
  private final ExploitIntel intel;
  private final AuditSink audit;
  private final CentralSuppressions central;
  private final CentralPolicies policies;

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

  /** Evaluates a request the transport has validated (scan id and project present). */
  public Result evaluate(EvaluateRequest req) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    String path = req.getRepoPolicyPath().isBlank() ? DEFAULT_POLICY_PATH : req.getRepoPolicyPath();

    Policy policy = null;
    String policyError = null;
    String policyVersion = PolicyParser.hash(PolicyParser.VERSION + "\0" + req.getRepoPolicy());
    List<AppliedPolicy> applied = List.of();
    String project = req.getContext().getProject();
    try {
      var centralPolicy = policies.current(project)
          .map(c -> new PolicyLayers.Source(c.text(), CentralPolicy.source(project)));
      var ignore = IgnoreFile.parse(req.getRepoIgnore(), req.getRepoIgnorePath(), today);
      var resolved = PolicyLayers.resolve(new PolicyLayers.Inputs(centralPolicy, req.getRepoPolicy(), path, ignore,
          req.getRepoIgnore().isBlank() ? "" : PolicyParser.hash(req.getRepoIgnore())), today);
      policy = resolved.policy();
      policyVersion = resolved.version();
      applied = resolved.applied();
      var centralOnes = central.forEvaluation(project, today);
      policy = policy.withSuppressions(centralOnes.ignored(), centralOnes.valid());
    } catch (PolicyException e) {
      policyError = e.getMessage();
    }

    var baseline = store.baselineFindings(req.getScanId(), req.getContext(), req.getBaselineBranch());
    var previous = baseline.stream().map(Finding::getFingerprint).collect(Collectors.toSet());
    var exposure = policy == null ? Exposure.UNSPECIFIED : policy.file().exposure();
    var assessed = new ArrayList<AssessedFinding>();
    for (var raw : req.getFindingsList()) {
      var f = Fingerprints.ensure(raw);
      var risk = RiskScore.of(f, exposure, intel);
      Optional<Suppression> by = policy == null ? Optional.empty() : policy.file().suppressionFor(f);
      FindingStatus status = by.isPresent() ? FindingStatus.SUPPRESSED
          : previous.contains(f.getFingerprint()) ? FindingStatus.EXISTING : FindingStatus.NEW;
      assessed.add(new AssessedFinding(f, risk, status, by));
    }
    var facts = new ScanFacts(req.getContext(), assessed, req.getScannersList());

    Policy.Outcome outcome;
    if (policy != null) {
      outcome = policy.decide(facts);
    } else {
      // Still report failed scanners and findings alongside the policy error.
      var fallback = Policy.compile(PolicyParser.parse("", "the default policy", today)).decide(facts);
      var reasons = new ArrayList<String>();
      reasons.add("ERROR policy " + policyError);
      fallback.reasons().stream().filter(r -> !r.startsWith("PASS")).forEach(reasons::add);
      outcome = new Policy.Outcome(Verdict.ERROR, reasons);
    }

    int scanRisk = assessed.stream().filter(a -> a.status() != FindingStatus.SUPPRESSED)
        .mapToInt(a -> a.risk().score()).max().orElse(0);
    var decision = Decision.newBuilder()
        .setScanId(req.getScanId())
        .setVerdict(outcome.verdict())
        .setRiskScore(scanRisk)
        .addAllReasons(outcome.reasons())
        .setDecidedAt(DateTimeFormatter.ISO_INSTANT.format(now))
        .setContext(req.getContext())
        .setPolicyVersion(policyVersion)
        .addAllPolicies(applied)
        .build();
    var current = assessed.stream().map(a -> a.finding().getFingerprint()).collect(Collectors.toSet());
    var fixed = new LinkedHashMap<String, Finding>();
    baseline.stream().filter(b -> !current.contains(b.getFingerprint()))
        .forEach(b -> fixed.putIfAbsent(b.getFingerprint(), b));
    LOG.info("scan {} of {}@{}: {} risk {} ({} findings, {} fixed since {}, policy {})", req.getScanId(),
        req.getContext().getProject(), req.getContext().getBranch(), outcome.verdict(), scanRisk,
        assessed.size(), fixed.size(), req.getBaselineBranch().isEmpty() ? "the previous scan"
            : "the latest scan of " + req.getBaselineBranch(), policyVersion);
    var evaluation = new DecisionStore.Evaluation(decision, assessed, req.getScannersList(),
        policy == null ? List.of() : policy.file().suppressions(),
        policy == null ? List.of() : policy.file().ignoredSuppressions(),
        inputsDigest(req, policyVersion, policy == null ? List.of() : policy.file().suppressions(),
            intel.version()));
    store.record(evaluation);
    emit(new AuditRecord(decision, evaluation.scannerStatuses(), evaluation.inputsDigest()));
    return new Result(decision, assessed, List.copyOf(fixed.values()));
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
   * {@link GateRefusal}: INVALID without scan id, justification or identity; NOT_FOUND for a scan
   * without decision; PRECONDITION unless the scan's latest decision is FAIL.
   */
  public Decision override(String scanId, String justification, String identity) {
    if (scanId.isBlank()) {
      throw GateRefusal.invalid("scan_id is required");
    }
    if (justification.isBlank()) {
      throw GateRefusal.invalid("justification is required: say why this FAIL may ship");
    }
    if (identity.isBlank()) {
      throw GateRefusal.invalid("identity is required: who overrides (user or service)");
    }
    var latest = store.latestDecision(scanId)
        .orElseThrow(() -> GateRefusal.notFound("no decision recorded for scan '" + scanId + "'"));
    var d = latest.decision();
    if (d.getVerdict() != Verdict.FAIL) {
      throw GateRefusal.precondition("scan '" + scanId + "' is " + d.getVerdict()
          + (d.getOverridden() ? " (already overridden by " + d.getOverrideIdentity() + ")" : "")
          + ": only a FAIL can be overridden");
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var override = d.toBuilder().setVerdict(Verdict.PASS).setOverridden(true)
        .setOverrideJustification(justification.strip()).setOverrideIdentity(identity.strip())
        .setDecidedAt(DateTimeFormatter.ISO_INSTANT.format(now))
        .clearReasons().addReasons("OVERRIDE FAIL -> PASS by " + identity.strip() + ": " + justification.strip())
        .addAllReasons(d.getReasonsList()).build();
    store.recordOverride(override);
    LOG.warn("scan {} of {}@{}: FAIL overridden to PASS by {}: {}", scanId, d.getContext().getProject(),
        d.getContext().getBranch(), identity.strip(), justification.strip());
    emit(new AuditRecord(override, latest.scannerStatuses(), latest.inputsDigest()));
    return override;
  }

  private void emit(AuditRecord record) {
    try {
      audit.emit(record);
    } catch (RuntimeException e) {
      // The audit feed never fails a decision.
      LOG.warn("audit: the decision of scan {} was not emitted: {}", record.decision().getScanId(), e.toString());
    }
  }

  /**
   * SHA-256 of everything the decision depends on: the request (without its scan id), the policy
   * layers' version (which covers the central policy), the suppressions applied (the
   * repository's and the central ones) and the exploit intel's version.
   */
  static String inputsDigest(EvaluateRequest req, String policyVersion, List<Suppression> applied,
      String intelVersion) {
    try {
      var md = MessageDigest.getInstance("SHA-256");
      md.update(req.toBuilder().clearScanId().build().toByteString().toByteArray());
      md.update(("\0policy " + policyVersion).getBytes(StandardCharsets.UTF_8));
      for (var s : applied) {
        md.update(("\0" + s.describe()).getBytes(StandardCharsets.UTF_8));
      }
      md.update(("\0intel " + intelVersion).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
