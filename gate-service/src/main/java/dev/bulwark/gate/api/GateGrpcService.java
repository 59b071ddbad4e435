package dev.bulwark.gate.api;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.decision.DecisionStore;
import dev.bulwark.gate.db.EvaluationReplies;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.policy.CentralPolicy;
import dev.bulwark.gate.suppression.CentralSuppression;
import dev.bulwark.gate.suppression.CentralSuppressions;
import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GetProjectPolicyRequest;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ListDecisionsResponse;
import dev.bulwark.v1.ListSuppressionsRequest;
import dev.bulwark.v1.ListSuppressionsResponse;
import dev.bulwark.v1.OverrideDecisionRequest;
import dev.bulwark.v1.ProjectPolicy;
import dev.bulwark.v1.RemoveSuppressionRequest;
import dev.bulwark.v1.RemoveSuppressionResponse;
import dev.bulwark.v1.RiskFactor;
import dev.bulwark.v1.SetProjectPolicyRequest;
import dev.bulwark.v1.Suppression;
import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Gate service on the wire: validates requests, calls the domain {@link Gate} and maps the
 * result to protos. No logic of its own: what the gate refuses is a {@link Refusal}, which
 * {@link dev.bulwark.server.grpc.ExceptionMappingInterceptor} turns into INVALID_ARGUMENT,
 * NOT_FOUND or FAILED_PRECONDITION with its message.
 */
public final class GateGrpcService extends GateGrpc.GateImplBase {
  /** Longest scan id the record accepts. */
  public static final int MAX_SCAN_ID = 200;
  /** ListDecisions limit when the request gives 0, and the most it returns. */
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  private final Gate gate;
  private final Actor actor;
  private final Optional<EvaluationReplies> replies;

  /** Security events only to the log: tests of the service alone. */
  public GateGrpcService(Gate gate) {
    this(gate, AuditLog.LOG_ONLY, Optional.empty());
  }

  /**
   * @param audit where policy and suppression changes and overrides go as audit events (the decisions' feed)
   * @param replies where answers are kept so that Evaluate is idempotent by scan id
   */
  public GateGrpcService(Gate gate, AuditLog audit, Optional<EvaluationReplies> replies) {
    this.gate = gate;
    this.actor = new Actor(audit, Clock.systemUTC());
    this.replies = replies;
  }

  @Override
  public void evaluate(EvaluateRequest req, StreamObserver<EvaluateResponse> out) {
    String invalid = validate(req);
    if (invalid != null) {
      throw Refusal.invalid(invalid);
    }
    // With replies: evaluated once per scan id, the same answer to every later call; the decision
    // and the kept answer are recorded in one transaction.
    out.onNext(replies.map(r -> r.once(req.getScanId(), () -> gate.assess(req), a -> response(a.result()),
        gate::record)).orElseGet(() -> evaluation(gate, req)));
    out.onCompleted();
  }

  @Override
  public void addSuppression(AddSuppressionRequest req, StreamObserver<Suppression> out) {
    answer(out, () -> {
      var s = req.getSuppression();
      var added = gate.suppressions().add(new CentralSuppressions.Request(s.getProject(), s.getFingerprint(),
          s.getRule(), s.getPathGlob(), s.getPurl(), s.getAdvisory(), s.getReason(), s.getExpires(),
          actor.identity(s.getCreatedBy())));
      actor.audit(AuditEvent.SUPPRESSION_ADDED, added.project(), "AddSuppression", added.reason(),
          Map.of("suppression_id", added.id(), "expires", added.expires().toString()));
      return toProto(added, false);
    });
  }

  @Override
  public void listSuppressions(ListSuppressionsRequest req, StreamObserver<ListSuppressionsResponse> out) {
    answer(out, () -> {
      if (req.getProject().isBlank()) {
        throw Refusal.invalid("project is required");
      }
      var list = ListSuppressionsResponse.newBuilder();
      gate.suppressions().list(req.getProject())
          .forEach(s -> list.addSuppressions(toProto(s, gate.suppressions().expired(s))));
      return list.build();
    });
  }

  @Override
  public void removeSuppression(RemoveSuppressionRequest req, StreamObserver<RemoveSuppressionResponse> out) {
    answer(out, () -> {
      gate.suppressions().remove(req.getId());
      actor.audit(AuditEvent.SUPPRESSION_REMOVED, "", "RemoveSuppression", "suppression removed",
          Map.of("suppression_id", req.getId()));
      return RemoveSuppressionResponse.getDefaultInstance();
    });
  }

  @Override
  public void overrideDecision(OverrideDecisionRequest req, StreamObserver<Decision> out) {
    answer(out, () -> {
      var decision = gate.override(req.getScanId(), req.getJustification(), actor.identity(req.getIdentity()));
      actor.audit(AuditEvent.DECISION_OVERRIDDEN, decision.getContext().getProject(), "OverrideDecision",
          decision.getOverrideJustification(), Map.of("scan_id", decision.getScanId()));
      return decision;
    });
  }

  /** Sends the one answer of a unary call; a {@link Refusal} thrown while computing it ends the call instead. */
  private static <T> void answer(StreamObserver<T> out, Supplier<T> call) {
    out.onNext(call.get());
    out.onCompleted();
  }

  static Suppression toProto(CentralSuppression s, boolean expired) {
    return Suppression.newBuilder().setId(s.id()).setProject(s.project()).setFingerprint(s.fingerprint())
        .setRule(s.rule()).setPathGlob(s.pathGlob()).setPurl(s.purl()).setAdvisory(s.advisory()).setReason(s.reason())
        .setExpires(s.expires().toString()).setCreatedBy(s.createdBy())
        .setCreatedAt(DateTimeFormatter.ISO_INSTANT.format(s.createdAt())).setExpired(expired).build();
  }

  @Override
  public void listDecisions(ListDecisionsRequest req, StreamObserver<ListDecisionsResponse> out) {
    answer(out, () -> {
      if (req.getLimit() < 0) {
        throw Refusal.invalid("limit must be >= 0 (0 means " + DEFAULT_LIMIT + "), got " + req.getLimit());
      }
      int limit = req.getLimit() == 0 ? DEFAULT_LIMIT : Math.min(req.getLimit(), MAX_LIMIT);
      var page = gate.listDecisions(new DecisionStore.DecisionQuery(req.getProject(), req.getBranch(),
          PageTokens.decode(req.getPageToken()), limit));
      return ListDecisionsResponse.newBuilder().addAllDecisions(page.decisions())
          .setNextPageToken(PageTokens.encode(page.nextBefore())).build();
    });
  }

  @Override
  public void setProjectPolicy(SetProjectPolicyRequest req, StreamObserver<ProjectPolicy> out) {
    answer(out, () -> {
      var policy = gate.policies().set(req.getProject(), req.getPolicy(), actor.identity(req.getSetBy()));
      actor.audit(AuditEvent.POLICY_SET, req.getProject(), "SetProjectPolicy",
          req.getPolicy().isBlank() ? "central policy removed" : "central policy set",
          Map.of("policy_version", policy.version()));
      return toProto(policy);
    });
  }

  @Override
  public void getProjectPolicy(GetProjectPolicyRequest req, StreamObserver<ProjectPolicy> out) {
    answer(out, () -> toProto(gate.policies().get(req.getProject())));
  }

  static ProjectPolicy toProto(CentralPolicy p) {
    return ProjectPolicy.newBuilder().setProject(p.project()).setPolicy(p.text()).setVersion(p.version())
        .setRepoAllow(p.repoAllow()).setSetBy(p.setBy()).setSetAt(DateTimeFormatter.ISO_INSTANT.format(p.setAt()))
        .build();
  }

  /** Null when valid, else what is wrong, naming the field. */
  /** What is wrong with an Evaluate request, or null when it is valid. */
  public static String validate(EvaluateRequest req) {
    if (req.getScanId().isBlank()) {
      return "scan_id is required";
    }
    if (req.getScanId().length() > MAX_SCAN_ID) {
      return "scan_id is longer than " + MAX_SCAN_ID + " characters";
    }
    if (!req.hasContext() || req.getContext().getProject().isBlank()) {
      return "context.project is required";
    }
    for (int i = 0; i < req.getFindingsCount(); i++) {
      var f = req.getFindings(i);
      if (f.getRuleId().isBlank()) {
        return "findings[" + i + "].rule_id is required";
      }
      if (f.getScanner().isBlank()) {
        return "findings[" + i + "].scanner is required (rule " + f.getRuleId() + ")";
      }
    }
    for (int i = 0; i < req.getScannersCount(); i++) {
      if (req.getScanners(i).getScanner().isBlank()) {
        return "scanners[" + i + "].scanner is required";
      }
    }
    return null;
  }

  /** The gate's answer to a valid request: the decision, every finding assessed, the baseline's fixed ones. */
  public static EvaluateResponse evaluation(Gate gate, EvaluateRequest req) {
    return response(gate.evaluate(req));
  }

  private static EvaluateResponse response(Gate.Result result) {
    var response = EvaluateResponse.newBuilder().setDecision(result.decision()).addAllFixed(result.fixed());
    result.findings().forEach(a -> response.addFindings(toProto(a)));
    return response.build();
  }

  public static EvaluatedFinding toProto(AssessedFinding a) {
    var b = EvaluatedFinding.newBuilder().setFinding(a.finding()).setRiskScore(a.risk().score()).setStatus(a.status());
    a.risk().factors().forEach(f -> b.addFactors(
        RiskFactor.newBuilder().setName(f.name()).setValue(f.value()).setEffect(f.effect())));
    a.suppressedBy().ifPresent(s -> b.setSuppression(s.reason() + " (expires " + s.expires() + ")"));
    return b.build();
  }
}
