package dev.bulwark.gate.audit;

import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Where the gate sends one {@link AuditRecord} per decision, and the security events
 * ({@link AuditEvent}: authentication failures, denials, tokens, policy and suppression changes,
 * overrides) into the same feed. {@link #emit} must neither block the decision for long nor
 * throw: a sink that fails logs it and drops the record.
 */
public interface AuditSink extends AuditLog, AutoCloseable {
  void emit(AuditRecord record);

  /** A security event, as one JSON line beside the decisions (sinks without a feed drop it). */
  @Override
  default void emit(AuditEvent event) {}

  /** Flushes what is in flight, within a bounded time. */
  @Override
  default void close() {}

  /** No audit feed. */
  static AuditSink none() {
    return r -> { };
  }

  /**
   * The sinks configured: a file to append to and/or a webhook URL; blank or null means not set.
   * IllegalArgumentException for a webhook that is not an http(s) URL.
   */
  static AuditSink configured(String file, String webhook) {
    var sinks = new java.util.ArrayList<AuditSink>();
    if (file != null && !file.isBlank()) {
      sinks.add(new FileAuditSink(java.nio.file.Path.of(file.strip())));
    }
    if (webhook != null && !webhook.isBlank()) {
      sinks.add(new WebhookAuditSink(java.net.URI.create(webhook.strip())));
    }
    return sinks.isEmpty() ? none() : all(sinks);
  }

  /** Every sink gets every record; one sink's failure does not stop the others. */
  static AuditSink all(List<AuditSink> sinks) {
    var copy = List.copyOf(sinks);
    return new AuditSink() {
      @Override
      public void emit(AuditRecord record) {
        for (var s : copy) {
          try {
            s.emit(record);
          } catch (RuntimeException e) {
            LoggerFactory.getLogger(AuditSink.class).warn("audit sink failed: {}", e.toString());
          }
        }
      }

      @Override
      public void emit(AuditEvent event) {
        for (var s : copy) {
          try {
            s.emit(event);
          } catch (RuntimeException e) {
            LoggerFactory.getLogger(AuditSink.class).warn("audit sink failed: {}", e.toString());
          }
        }
      }

      @Override
      public void close() {
        copy.forEach(AuditSink::close);
      }
    };
  }
}
