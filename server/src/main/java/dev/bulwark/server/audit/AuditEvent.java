package dev.bulwark.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A security-relevant event, as the audit feed carries it beside the decisions: one JSON object
 * on one line, keys in snake_case: {@code event, time, identity, identity_kind, project, method,
 * peer, reason} plus the event's own {@code details}.
 *
 * @param event    what happened: one of the constants below
 * @param identity the caller's identity id ("token:…", "oidc:…", "service:…"), empty when unauthenticated
 * @param project  the project it concerns, empty when none (or when naming it would leak it)
 * @param method   the gRPC method, e.g. "bulwark.v1.Gate/OverrideDecision"
 * @param peer     the caller's address, "ip:port"
 * @param reason   why (for failures and denials), or a short summary
 * @param details  further fields (token id, suppression id, justification, …)
 */
public record AuditEvent(String event, Instant time, String identity, String identityKind, String project,
    String method, String peer, String reason, Map<String, Object> details) {
  public static final String AUTH_FAILED = "auth.failed";
  public static final String PERMISSION_DENIED = "auth.denied";
  public static final String RATE_LIMITED = "limit.exceeded";
  public static final String TOKEN_CREATED = "token.created";
  public static final String TOKEN_REVOKED = "token.revoked";
  public static final String POLICY_SET = "policy.set";
  public static final String SUPPRESSION_ADDED = "suppression.added";
  public static final String SUPPRESSION_REMOVED = "suppression.removed";
  public static final String DECISION_OVERRIDDEN = "decision.overridden";

  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditEvent {
    details = Map.copyOf(details);
  }

  /** The JSON line, without the trailing newline. */
  public String toJson() {
    var m = new LinkedHashMap<String, Object>();
    m.put("event", event);
    m.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
    m.put("identity", identity);
    m.put("identity_kind", identityKind);
    m.put("project", project);
    m.put("method", method);
    m.put("peer", peer);
    m.put("reason", reason);
    new java.util.TreeMap<>(details).forEach(m::putIfAbsent);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise audit event " + event, e);
    }
  }
}
