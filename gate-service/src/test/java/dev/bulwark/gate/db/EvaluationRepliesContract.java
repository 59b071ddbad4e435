package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.Verdict;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** The gate's record on this database and its answer, as the Gate service gives it. */
  private EvaluateResponse decided(Gate.Assessment a) {
    return EvaluateResponse.newBuilder().setDecision(a.result().decision()).build();
  }

  private static <T> T slowly(long millis, Supplier<T> then) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return then.get();
  }

  @Test
  void aDecisionAndItsKeptAnswerAreRecordedTogetherAndOnlyOnce() {
    var store = new JdbiDecisionStore(db.jdbi());
    var gate = new Gate(store, Clock.systemUTC());
    var replies = new EvaluationReplies(db.jdbi());
    EvaluateRequest request = Findings.request("scan-5", "shop", List.of(Findings.LOG4SHELL), "");

    var first = replies.once("scan-5", () -> gate.assess(request), this::decided, gate::record);
    var again = replies.once("scan-5", () -> gate.assess(request), this::decided, gate::record);

    assertThat(first.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(again).isEqualTo(first);
    assertThat(replies.find("scan-5")).contains(first);
    assertThat(store.listDecisions("shop", 10)).extracting(Decision::getScanId).containsExactly("scan-5");
  }

  @Test
  void anEvaluationWhoseClaimWasTakenOverWhileItDecidedRecordsNothingAndAnswersTheOthersDecision() {
    var store = new JdbiDecisionStore(db.jdbi());
    var gate = new Gate(store, Clock.systemUTC());
    var stalled = new EvaluationReplies(db.jdbi());
    var other = new EvaluationReplies(Jdbi.create(second()), Duration.ofMillis(300));
    // The stalled replica decides FAIL slowly; meanwhile its claim goes stale and another replica decides PASS.
    var failing = Findings.request("scan-6", "shop", List.of(Findings.LOG4SHELL), "");
    var passing = Findings.request("scan-6", "shop", List.of(), "");
    var slow = CompletableFuture.supplyAsync(() -> stalled.once("scan-6",
        () -> slowly(1500, () -> gate.assess(failing)), this::decided, gate::record));
    var taken = slowly(700, () -> other.once("scan-6", () -> gate.assess(passing), this::decided, gate::record));

    assertThat(taken.getDecision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(slow.join()).as("the stalled evaluation answers the kept decision").isEqualTo(taken);
    assertThat(store.listDecisions("shop", 10)).as("no second decision")
        .extracting(Decision::getVerdict).containsExactly(Verdict.PASS);
    assertThat(store.findingStatuses("scan-6")).as("nor the stalled evaluation's findings").isEmpty();
  }

  @Test
  void anAssessmentThatFailsReleasesTheClaimTakenBesideIt() {
    var store = new JdbiDecisionStore(db.jdbi());
    var gate = new Gate(store, Clock.systemUTC());
    var replies = new EvaluationReplies(db.jdbi());
    var request = Findings.request("scan-7", "shop", List.of(), "");

    assertThatThrownBy(() -> replies.once("scan-7", () -> slowly(200, () -> {
      throw new IllegalStateException("baseline unreadable");
    }), this::decided, gate::record)).hasMessageContaining("unreadable");

    assertThat(replies.once("scan-7", () -> gate.assess(request), this::decided, gate::record).getDecision()
        .getVerdict()).isEqualTo(Verdict.PASS);
  }
}
