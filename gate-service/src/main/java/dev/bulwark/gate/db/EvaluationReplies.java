package dev.bulwark.gate.db;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.v1.EvaluateResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Every scan ends in exactly one decision, however often it is evaluated: the first evaluation of
 * a scan id claims it in the database, concurrent ones (two gateway replicas that both believe
 * they coordinate the scan) wait for its answer, and later ones (a replica that took the scan over
 * after the first one died before keeping the answer) get the answer it kept. A claim whose
 * evaluation died with its gate replica is taken over after {@code staleAfter}; an evaluation that
 * failed releases its claim, so the next call evaluates afresh.
 */
public final class EvaluationReplies {
  private static final Duration WAIT_STEP = Duration.ofMillis(100);

  private final Jdbi jdbi;
  private final Duration staleAfter;

  public EvaluationReplies(Jdbi jdbi) {
    this(jdbi, Duration.ofSeconds(60));
  }

  public EvaluationReplies(Jdbi jdbi, Duration staleAfter) {
    this.jdbi = jdbi;
    this.staleAfter = staleAfter;
  }

  /** The answer for this scan: the one already given, else {@code evaluate}'s, given once. */
  public EvaluateResponse once(String scanId, Supplier<EvaluateResponse> evaluate) {
    while (true) {
      // Claim first: a scan's first evaluation (nearly every call) then costs no read before it.
      var claim = claim(scanId);
      if (claim.isEmpty()) {
        var kept = find(scanId);
        if (kept.isPresent()) {
          return kept.get();
        }
      } else {
        EvaluateResponse response;
        try {
          response = evaluate.get();
        } catch (RuntimeException e) {
          release(scanId, claim.get());
          throw e;
        }
        return keep(scanId, claim.get(), response);
      }
      try {
        Thread.sleep(WAIT_STEP.toMillis()); // another evaluation of this scan is under way
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scan " + scanId + " was being evaluated", e);
      }
    }
  }

  public Optional<EvaluateResponse> find(String scanId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT response FROM evaluation_replies "
            + "WHERE scan_id = :s AND response IS NOT NULL")
        .bind("s", scanId).mapTo(byte[].class).findOne()).map(EvaluationReplies::parse);
  }

  /** The claim's time when this call may evaluate the scan: nobody claimed it, or the claim went stale. */
  private Optional<Timestamp> claim(String scanId) {
    // Millisecond precision: the claim time is the fence compared for equality in keep/release.
    var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    var at = Timestamp.from(now);
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO evaluation_replies (scan_id, claimed_at) VALUES (:s, :t)")
          .bind("s", scanId).bind("t", at).execute());
      return Optional.of(at);
    } catch (UnableToExecuteStatementException claimed) {
      int taken = jdbi.withHandle(h -> h.createUpdate("UPDATE evaluation_replies SET claimed_at = :t "
              + "WHERE scan_id = :s AND response IS NULL AND claimed_at < :stale")
          .bind("t", at).bind("s", scanId).bind("stale", Timestamp.from(now.minus(staleAfter))).execute());
      return taken == 1 ? Optional.of(at) : Optional.empty();
    }
  }

  /**
   * Keeps the answer, fenced by the claim: an evaluation so slow that its claim was taken over
   * answers what the other one kept, if it kept anything, so callers never see two answers.
   */
  private EvaluateResponse keep(String scanId, Timestamp claimedAt, EvaluateResponse response) {
    int kept = jdbi.withHandle(h -> h.createUpdate("UPDATE evaluation_replies SET response = :r, recorded_at = :t "
            + "WHERE scan_id = :s AND response IS NULL AND claimed_at = :c")
        .bind("r", response.toByteArray()).bind("t", Timestamp.from(Instant.now())).bind("s", scanId)
        .bind("c", claimedAt).execute());
    return kept == 1 ? response : find(scanId).orElse(response);
  }

  private void release(String scanId, Timestamp claimedAt) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM evaluation_replies "
            + "WHERE scan_id = :s AND response IS NULL AND claimed_at = :c")
        .bind("s", scanId).bind("c", claimedAt).execute());
  }

  private static EvaluateResponse parse(byte[] bytes) {
    try {
      return EvaluateResponse.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a kept evaluation reply is not an EvaluateResponse", e);
    }
  }
}
