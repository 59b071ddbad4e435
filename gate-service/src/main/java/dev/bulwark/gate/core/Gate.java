package dev.bulwark.gate.core;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Verdict;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate: scores each finding, places it against the previous scan of the same project and
 * branch (NEW / EXISTING), applies the repository's suppressions (SUPPRESSED), lets the policy
 * decide, and records everything. A policy that cannot be parsed or compiled gives ERROR, never
 * PASS: findings are still scored and recorded, but no suppression applies.
 */
public final class Gate {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
  private static final String DEFAULT_POLICY_PATH = ".bulwark.yaml";

  private final DecisionStore store;
  private final Clock clock;

  public Gate(DecisionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What the gate answers: the decision and every finding as assessed. */
  public record Result(Decision decision, List<AssessedFinding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  /** Evaluates a request the transport has validated (scan id and project present). */
  public Result evaluate(EvaluateRequest req) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    String path = req.getRepoPolicyPath().isBlank() ? DEFAULT_POLICY_PATH : req.getRepoPolicyPath();

    Policy policy = null;
    String policyError = null;
    String policyVersion = PolicyParser.hash(PolicyParser.VERSION + "\0" + req.getRepoPolicy());
    try {
      var file = req.getRepoPolicy().isBlank() ? PolicyParser.parse("", "the default policy", today)
          : PolicyParser.parse(req.getRepoPolicy(), path, today);
      policy = Policy.compile(file);
      policyVersion = file.version();
    } catch (PolicyException e) {
      policyError = e.getMessage();
    }

    var previous = store.previousFingerprints(req.getScanId(), req.getContext());
    var assessed = new ArrayList<AssessedFinding>();
    for (var raw : req.getFindingsList()) {
      var f = Fingerprints.ensure(raw);
      var risk = RiskScore.of(f);
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
        .build();
    LOG.info("scan {} of {}@{}: {} risk {} ({} findings, policy {})", req.getScanId(),
        req.getContext().getProject(), req.getContext().getBranch(), outcome.verdict(), scanRisk,
        assessed.size(), policyVersion);
    store.record(new DecisionStore.Evaluation(decision, assessed, req.getScannersList(),
        policy == null ? List.of() : policy.file().suppressions(),
        policy == null ? List.of() : policy.file().ignoredSuppressions(), inputsDigest(req)));
    return new Result(decision, assessed);
  }

  public List<Decision> listDecisions(String project, int limit) {
    return store.listDecisions(project, limit);
  }

  /** SHA-256 of the deterministic serialisation of everything the decision depends on. */
  static String inputsDigest(EvaluateRequest req) {
    try {
      var md = MessageDigest.getInstance("SHA-256");
      md.update(req.toBuilder().clearScanId().build().toByteString().toByteArray());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
