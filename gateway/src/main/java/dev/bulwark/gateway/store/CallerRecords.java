package dev.bulwark.gateway.store;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the access rules remember about callers, in the database every replica shares: who
 * started a scan, and which blobs a caller proved by uploading them. Without it a CI job whose
 * calls are spread over replicas would be refused its own scan, or asked for its blobs again, by
 * every replica it had not talked to yet.
 */
public final class CallerRecords {
  private final Jdbi jdbi;
  private final Clock clock;

  public CallerRecords(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public void started(String scanId, String principal) {
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO gateway_scan_starters (scan_id, principal) VALUES (:s, :p)")
          .bind("s", scanId).bind("p", principal).execute());
    } catch (UnableToExecuteStatementException again) {
      // A StartScan retried with its request id: the starter is already recorded.
    }
  }

  public Optional<String> starter(String scanId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT principal FROM gateway_scan_starters WHERE scan_id = :s")
        .bind("s", scanId).mapTo(String.class).findOne());
  }

  public void granted(String principal, String digest) {
    long now = clock.millis();
    jdbi.useHandle(h -> {
      int updated = h.createUpdate("UPDATE gateway_blob_grants SET granted_at = :t WHERE principal = :p AND digest = :d")
          .bind("t", now).bind("p", principal).bind("d", digest).execute();
      if (updated == 0) {
        try {
          h.createUpdate("INSERT INTO gateway_blob_grants (principal, digest, granted_at) VALUES (:p, :d, :t)")
              .bind("p", principal).bind("d", digest).bind("t", now).execute();
        } catch (UnableToExecuteStatementException raced) {
          // another replica recorded the same grant at the same moment
        }
      }
    });
  }

  public boolean mayUse(String principal, String digest) {
    return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM gateway_blob_grants WHERE principal = :p AND digest = :d")
        .bind("p", principal).bind("d", digest).mapTo(Integer.class).findOne().isPresent());
  }
}
