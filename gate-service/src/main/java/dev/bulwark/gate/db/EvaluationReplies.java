package dev.bulwark.gate.db;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.v1.EvaluateResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The answer the gate gave each scan, so that evaluating a scan again answers the same decision
 * instead of recording a second one: every scan ends in exactly one decision, even when the
 * gateway replica that asked died before it kept the answer and another replica asks again.
 */
public final class EvaluationReplies {
  private final Jdbi jdbi;

  public EvaluationReplies(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<EvaluateResponse> find(String scanId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT response FROM evaluation_replies WHERE scan_id = :s")
        .bind("s", scanId).mapTo(byte[].class).findOne()).map(EvaluationReplies::parse);
  }

  /** Keeps the answer; when two evaluations of one scan raced, the first kept wins and is returned. */
  public EvaluateResponse keep(String scanId, EvaluateResponse response) {
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO evaluation_replies (scan_id, response, recorded_at) "
              + "VALUES (:s, :r, :t)")
          .bind("s", scanId).bind("r", response.toByteArray()).bind("t", Timestamp.from(Instant.now())).execute());
      return response;
    } catch (UnableToExecuteStatementException raced) {
      return find(scanId).orElseThrow(() -> raced);
    }
  }

  private static EvaluateResponse parse(byte[] bytes) {
    try {
      return EvaluateResponse.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable stored evaluation: " + e.getMessage(), e);
    }
  }
}
