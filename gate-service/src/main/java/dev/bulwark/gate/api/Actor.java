package dev.bulwark.gate.api;

import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Who changes the gate's state, as recorded: the authenticated caller (its identity id, e.g.
 * "token:3f2a…" or "oidc:…#repo:acme/shop:…"), never what the request says. Only a gate running
 * without authentication (an insecure development setup, unit tests) records the request's own
 * field. Each change is an audit event.
 */
final class Actor {
  private final AuditLog audit;
  private final Clock clock;

  Actor(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /** The identity to record; {@code claimed} only when authentication is off. */
  String identity(String claimed) {
    Principal p = AuthContext.principal();
    return p.kind() == Principal.Kind.LOCAL ? claimed : p.id();
  }

  void audit(String event, String project, String method, String reason, Map<String, Object> details) {
    Principal p = AuthContext.principal();
    audit.emit(new AuditEvent(event, clock.instant(), p.id(), p.kind().name().toLowerCase(Locale.ROOT), project,
        "bulwark.v1.Gate/" + method, AuthContext.peerAddress(), reason, details));
  }
}
