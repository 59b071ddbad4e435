package dev.bulwark.gate.db;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.gate.decision.DecisionStore.KeptReply;
import dev.bulwark.v1.EvaluateResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
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
  private static final String KEEP = "UPDATE evaluation_replies SET response = :r, recorded_at = :t "
      + "WHERE scan_id = :s AND response IS NULL AND claimed_at = :c";
  /** Where claims are taken while their evaluations read (daemon threads, made as needed). */
  private static final ExecutorService CLAIMS = Executors.newCachedThreadPool(r -> {
    var t = new Thread(r, "gate-claim");
    t.setDaemon(true);
    return t;
  });

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
      waitStep(scanId); // another evaluation of this scan is under way
    }
  }

  /**
   * Records an assessment and keeps its answer in one transaction, fenced by the claim
   * ({@link dev.bulwark.gate.decision.Gate#record(dev.bulwark.gate.decision.Gate.Assessment, KeptReply)}).
   */
  @FunctionalInterface
  public interface Recorder<A> {
    /** @return false when the claim was taken over meanwhile: nothing recorded */
    boolean record(A assessment, KeptReply reply);
  }

  /**
   * The answer for this scan, evaluated at most once as {@link #once(String, Supplier)} does, in
   * fewer round trips: the scan is claimed while {@code assess} reads and decides (it writes
   * nothing), and {@code record} stores the decision with the answer in one transaction fenced by
   * the claim, so an evaluation whose claim was taken over records no second decision.
   */
  public <A> EvaluateResponse once(String scanId, Supplier<A> assess, Function<A, EvaluateResponse> answer,
      Recorder<A> record) {
    // A scan's first evaluation (nearly every call) claims it while the assessment reads.
    var claiming = CompletableFuture.supplyAsync(() -> claim(scanId), CLAIMS);
    A assessment;
    try {
      assessment = assess.get();
    } catch (RuntimeException e) {
      claimed(claiming).ifPresent(at -> release(scanId, at));
      throw e;
    }
    var claim = claimed(claiming);
    while (true) {
      if (claim.isPresent()) {
        boolean kept;
        EvaluateResponse response;
        try {
          response = answer.apply(assessment);
          kept = record.record(assessment, new KeptReply(scanId, claim.get().toInstant(), response.toByteArray()));
        } catch (RuntimeException e) {
          release(scanId, claim.get());
          throw e;
        }
        if (kept) {
          return response;
        }
        // Taken over meanwhile, nothing recorded: the answer is the other evaluation's.
      } else {
        var kept = find(scanId);
        if (kept.isPresent()) {
          return kept.get();
        }
      }
      waitStep(scanId); // another evaluation of this scan is under way
      claim = claim(scanId);
      if (claim.isPresent()) {
        try {
          assessment = assess.get(); // afresh: the one made while another evaluation held the scan is stale
        } catch (RuntimeException e) {
          release(scanId, claim.get());
          throw e;
        }
      }
    }
  }

  /** Keeps the answer in the caller's transaction; false when the claim is no longer the caller's. */
  static boolean keep(Handle h, KeptReply reply) {
    return h.createUpdate(KEEP).bind("r", reply.response()).bind("t", Timestamp.from(Instant.now()))
        .bind("s", reply.scanId()).bind("c", Timestamp.from(reply.claimedAt())).execute() == 1;
  }

  private static Optional<Timestamp> claimed(CompletableFuture<Optional<Timestamp>> claiming) {
    try {
      return claiming.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private static void waitStep(String scanId) {
    try {
      Thread.sleep(WAIT_STEP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scan " + scanId + " was being evaluated", e);
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
    boolean kept = jdbi.withHandle(h -> keep(h, new KeptReply(scanId, claimedAt.toInstant(), response.toByteArray())));
    return kept ? response : find(scanId).orElse(response);
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
