package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One answer per scan id across gate replicas (each with its own connections to one database):
 * concurrent evaluations run the evaluation once, a failed one lets the next try, and a claim
 * left by a replica that died is taken over once stale.
 */
abstract class EvaluationRepliesContract {
  TestDatabases.TestDb db;

  abstract TestDatabases.TestDb open() throws Exception;

  /** A second data source on the same database, as a second gate replica would have. */
  abstract DataSource second();

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    Migrations.migrate(db.dataSource());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private static EvaluateResponse answer(String id) {
    return EvaluateResponse.newBuilder().setDecision(Decision.newBuilder().addReasons(id)).build();
  }

  private static Supplier<EvaluateResponse> counted(AtomicInteger calls, String id) {
    return () -> {
      calls.incrementAndGet();
      try {
        Thread.sleep(300); // long enough for the other replicas to find the claim
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer(id + "-" + calls.get());
    };
  }

  @Test
  void concurrentEvaluationsOfOneScanOnTwoReplicasEvaluateOnceAndAllGetThatAnswer() {
    var replicas = new EvaluationReplies[] {new EvaluationReplies(db.jdbi()), new EvaluationReplies(Jdbi.create(second()))};
    var calls = new AtomicInteger();
    var racing = new ArrayList<CompletableFuture<EvaluateResponse>>();
    for (int i = 0; i < 6; i++) {
      var replica = replicas[i % 2];
      racing.add(CompletableFuture.supplyAsync(() -> replica.once("scan-1", counted(calls, "d"))));
    }
    var answers = racing.stream().map(CompletableFuture::join).distinct().toList();

    assertThat(calls).hasValue(1);
    assertThat(answers).containsExactly(answer("d-1"));
    assertThat(replicas[1].once("scan-1", counted(calls, "late"))).isEqualTo(answer("d-1"));
    assertThat(calls).as("a later call is answered from the database").hasValue(1);
  }

  @Test
  void aFailedEvaluationReleasesItsClaimAndTheNextCallEvaluates() {
    var replies = new EvaluationReplies(db.jdbi());
    assertThatThrownBy(() -> replies.once("scan-2", () -> {
      throw new IllegalStateException("database of decisions unreachable");
    })).hasMessageContaining("unreachable");

    assertThat(replies.once("scan-2", () -> answer("second try"))).isEqualTo(answer("second try"));
  }

  @Test
  void aClaimLeftByADeadReplicaIsTakenOverOnceStaleAndNotBefore() {
    db.jdbi().useHandle(h -> h.execute("INSERT INTO evaluation_replies (scan_id, claimed_at) VALUES (?, ?)",
        "scan-3", Timestamp.from(Instant.now().minusSeconds(5))));
    var patient = new EvaluationReplies(db.jdbi(), Duration.ofSeconds(2));

    assertThat(patient.once("scan-3", () -> answer("taken over"))).isEqualTo(answer("taken over"));
    assertThat(patient.find("scan-3")).contains(answer("taken over"));

    db.jdbi().useHandle(h -> h.execute("INSERT INTO evaluation_replies (scan_id, claimed_at) VALUES (?, ?)",
        "scan-4", Timestamp.from(Instant.now())));
    var waiting = CompletableFuture.supplyAsync(() -> patient.once("scan-4", () -> answer("too early"))
    );
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(waiting).as("a fresh claim is waited for").isNotDone();
    db.jdbi().useHandle(h -> h.execute("UPDATE evaluation_replies SET response = ? WHERE scan_id = ?",
        answer("the claimer's").toByteArray(), "scan-4"));
    assertThat(waiting.join()).isEqualTo(answer("the claimer's"));
  }
}
