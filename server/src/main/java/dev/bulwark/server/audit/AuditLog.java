package dev.bulwark.server.audit;

import org.slf4j.LoggerFactory;

/**
 * Where a service sends its {@link AuditEvent}s: the gate into the same JSON-lines file and
 * webhook as its decisions, the other services into theirs. {@link #emit} neither blocks long
 * nor throws.
 */
@FunctionalInterface
public interface AuditLog {
  void emit(AuditEvent event);

  /** Events go to the service log only (at INFO, one JSON line each). */
  AuditLog LOG_ONLY = event -> LoggerFactory.getLogger("bulwark.audit").info("{}", event.toJson());
}
