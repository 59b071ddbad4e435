package dev.bulwark.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerProgress;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the scan store guarantees on every database it runs on. */
abstract class ScanStoreContract {
  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  Databases.Db db;
  ScanStore store;

  abstract Databases.Db open();

  @BeforeEach
  void openDb() {
    db = open();
    store = db.store();
  }

  @AfterEach
  void dropDb() {
    if (db != null) { // null when the database is not available and the tests are skipped
      db.close();
    }
  }

  static NewScan scan(String requestId, String owner) {
    var request = StartScanRequest.newBuilder().setContext(ScanContext.newBuilder().setProject("acme/app")).build();
    var manifest = Digest.newBuilder().setHash("a".repeat(64)).setSizeBytes(10).build();
    return new NewScan(UUID.randomUUID().toString(), requestId, request, manifest, "gw:7070", owner,
        T0.plusSeconds(20), T0.plusSeconds(600), T0);
  }

  static ScanUpdate progress(String phase) {
    return ScanUpdate.newBuilder().setProgress(ScannerProgress.newBuilder().setScanner("sast").setPhase(phase)).build();
  }

  static ScanResult result(String id, Verdict v) {
    return ScanResult.newBuilder().setScanId(id).setState(ScanState.DONE)
        .setDecision(Decision.newBuilder().setScanId(id).setVerdict(v)).build();
  }

  @Test
  @DisplayName("a request id names one scan: a second create answers the first")
  void requestIdIsIdempotent() {
    var first = store.create(scan("req-1", "a"));
    var second = store.create(scan("req-1", "b"));

    assertThat(first.existing()).isFalse();
    assertThat(second.existing()).isTrue();
    assertThat(second.scan().scanId()).isEqualTo(first.scan().scanId());
    assertThat(second.scan().owner()).isEqualTo("a");
  }

  @Test
  @DisplayName("events get 1, 2, 3, ... under the lease's epoch, and none once another epoch holds it")
  void appendIsSequencedAndFenced() {
    String id = store.create(scan("", "a")).scan().scanId();
    assertThat(store.append(id, 1, progress("started"))).isEqualTo(1);
    assertThat(store.append(id, 1, progress("finished"))).isEqualTo(2);

    var lease = store.expired(T0.plusSeconds(21), 10).get(0);
    assertThat(store.claim(lease, "b", T0.plusSeconds(21), T0.plusSeconds(41))).contains(2L);
    assertThatThrownBy(() -> store.append(id, 1, progress("late"))).isInstanceOf(LostLeaseException.class);
    assertThat(store.append(id, 2, progress("started"))).isEqualTo(3);

    assertThat(store.events(id, 1)).extracting(ScanUpdate::getSequence).containsExactly(2L, 3L);
    assertThat(store.lastSequences(List.of(id, "nope"))).containsEntry(id, 3L).doesNotContainKey("nope");
  }

  @Test
  @DisplayName("of replicas racing to take over an expired lease, exactly one wins")
  void oneClaimWins() throws Exception {
    String id = store.create(scan("", "dead")).scan().scanId();
    var lease = store.expired(T0.plusSeconds(30), 10).get(0);
    var claims = new ArrayList<CompletableFuture<Boolean>>();
    for (String replica : List.of("b", "c", "d", "e")) {
      claims.add(CompletableFuture.supplyAsync(() ->
          store.claim(lease, replica, T0.plusSeconds(30), T0.plusSeconds(50)).isPresent()));
    }
    assertThat(claims.stream().filter(CompletableFuture::join).count()).isEqualTo(1);
    assertThat(store.expired(T0.plusSeconds(30), 10)).isEmpty();
    assertThat(store.find(id).orElseThrow().epoch()).isEqualTo(2);
  }

  @Test
  @DisplayName("a live lease is not expired; renewal keeps it, and fails once taken over")
  void renewal() {
    String id = store.create(scan("", "a")).scan().scanId();
    assertThat(store.expired(T0.plusSeconds(10), 10)).isEmpty();
    assertThat(store.renew(id, "a", 1, T0.plusSeconds(40))).isTrue();
    assertThat(store.expired(T0.plusSeconds(30), 10)).isEmpty();

    var lease = store.expired(T0.plusSeconds(41), 10).get(0);
    store.claim(lease, "b", T0.plusSeconds(41), T0.plusSeconds(61));
    assertThat(store.renew(id, "a", 1, T0.plusSeconds(80))).isFalse();
  }

  @Test
  @DisplayName("a scan ends once: the second finish (another epoch, or a repeat) is refused")
  void finishOnce() {
    String id = store.create(scan("", "a")).scan().scanId();
    assertThat(store.finish(id, 1, result(id, Verdict.PASS), T0.plusSeconds(5))).isTrue();
    assertThat(store.finish(id, 1, result(id, Verdict.FAIL), T0.plusSeconds(6))).isFalse();

    var row = store.find(id).orElseThrow();
    assertThat(row.done()).isTrue();
    assertThat(row.result().orElseThrow().getDecision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(store.events(id, 0)).hasSize(1);
    assertThat(store.events(id, 0).get(0).getResult().getDecision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(store.expired(T0.plusSeconds(3600), 10)).isEmpty();
  }

  @Test
  @DisplayName("a scanner's result is recorded once per scan and scanner, with its findings")
  void scannerResultsOnce() {
    String id = store.create(scan("", "a")).scan().scanId();
    var report = ScannerReport.newBuilder().setScanner("sca").setStatus(ScannerStatus.OK).setFindings(1).build();
    var finding = Finding.newBuilder().setRuleId("CVE-2021-44228").setScanner("sca").build();

    assertThat(store.recordScanner(id, new ScannerResult(report, List.of(finding), List.of()), T0)).isTrue();
    assertThat(store.recordScanner(id, new ScannerResult(report.toBuilder().setFindings(0).build(), List.of(),
        List.of()), T0)).isFalse();

    var stored = store.scannerResults(id).get("sca");
    assertThat(stored.findings()).containsExactly(finding);
    assertThat(store.pendingByScanner(List.of("sast", "sca"))).containsEntry("sast", 1).containsEntry("sca", 0);
  }

  @Test
  @DisplayName("finished scans past the retention are deleted with their events and results; running ones stay")
  void retention() {
    String done = store.create(scan("", "a")).scan().scanId();
    String running = store.create(scan("", "a")).scan().scanId();
    store.append(done, 1, progress("started"));
    store.finish(done, 1, result(done, Verdict.PASS), T0.plusSeconds(5));

    assertThat(store.deleteFinishedBefore(T0.plusSeconds(4))).isZero();
    assertThat(store.deleteFinishedBefore(T0.plusSeconds(6))).isEqualTo(1);
    assertThat(store.find(done)).isEmpty();
    assertThat(store.events(done, 0)).isEmpty();
    assertThat(store.find(running)).isPresent();
    var manifests = new ArrayList<Digest>();
    store.forEachManifest(manifests::add);
    assertThat(manifests).hasSize(1);
  }

  @Test
  @DisplayName("release ends a replica's leases at once")
  void release() {
    store.create(scan("", "a"));
    store.create(scan("", "b"));
    assertThat(store.release("a")).isEqualTo(1);
    assertThat(store.expired(T0, 10)).extracting(ExpiredLease::owner).containsExactly("a");
    assertThat(Set.of(store.running())).containsExactly(2);
  }

  @Test
  @DisplayName("several events in one transaction get consecutive sequences, fenced like one")
  void appendAllIsSequencedAndFenced() {
    String id = store.create(scan("", "a")).scan().scanId();
    assertThat(store.append(id, 1, progress("started"))).isEqualTo(1);
    assertThat(store.appendAll(id, 1, List.of(progress("a"), progress("b"), progress("c")))).isEqualTo(4);
    assertThat(store.events(id, 0)).extracting(u -> u.getSequence() + ":" + u.getProgress().getPhase())
        .containsExactly("1:started", "2:a", "3:b", "4:c");

    var lease = store.expired(T0.plusSeconds(21), 10).get(0);
    store.claim(lease, "b", T0.plusSeconds(21), T0.plusSeconds(41));
    assertThatThrownBy(() -> store.appendAll(id, 1, List.of(progress("late"), progress("later"))))
        .isInstanceOf(LostLeaseException.class);
    assertThat(store.lastSequences(List.of(id))).containsEntry(id, 4L);
    assertThat(store.events(id, 4)).isEmpty();
  }

  @Test
  @DisplayName("a scanner's result and its event are written together; after the lease is lost the result is "
      + "still recorded once (first one wins) but no event is appended")
  void recordScannerAndAppend() {
    String id = store.create(scan("", "a")).scan().scanId();
    var sca = ScannerReport.newBuilder().setScanner("sca").setStatus(ScannerStatus.OK).setFindings(1).build();
    var finding = Finding.newBuilder().setRuleId("CVE-2021-44228").setScanner("sca").build();

    assertThat(store.recordScannerAndAppend(id, 1, new ScannerResult(sca, List.of(finding), List.of()),
        progress("finished"), T0)).isEqualTo(1);
    assertThat(store.scannerResults(id).get("sca").findings()).containsExactly(finding);
    // Again (a result already there): the first result stays, the event is appended, 0 says "not recorded now".
    assertThat(store.recordScannerAndAppend(id, 1, new ScannerResult(sca.toBuilder().setFindings(0).build(),
        List.of(), List.of()), progress("again"), T0)).isZero();
    assertThat(store.scannerResults(id).get("sca").findings()).containsExactly(finding);
    assertThat(store.events(id, 0)).hasSize(2);

    var lease = store.expired(T0.plusSeconds(21), 10).get(0);
    store.claim(lease, "b", T0.plusSeconds(21), T0.plusSeconds(41));
    var sast = ScannerReport.newBuilder().setScanner("sast").setStatus(ScannerStatus.OK).build();
    assertThatThrownBy(() -> store.recordScannerAndAppend(id, 1, new ScannerResult(sast, List.of(), List.of()),
        progress("late"), T0)).isInstanceOf(LostLeaseException.class);
    assertThat(store.scannerResults(id)).containsKeys("sca", "sast");
    assertThat(store.events(id, 0)).hasSize(2);
  }

  @Test
  @DisplayName("the lease is read without writing, and reads as lost once another replica claimed it")
  void leaseRead() {
    String id = store.create(scan("", "a")).scan().scanId();
    assertThat(store.leaseUntil(id, "a", 1)).contains(T0.plusSeconds(20));
    assertThat(store.leaseUntil(id, "b", 1)).isEmpty();

    var lease = store.expired(T0.plusSeconds(21), 10).get(0);
    store.claim(lease, "b", T0.plusSeconds(21), T0.plusSeconds(41));
    assertThat(store.leaseUntil(id, "a", 1)).isEmpty();
    assertThat(store.leaseUntil(id, "b", 2)).contains(T0.plusSeconds(41));
    store.finish(id, 2, result(id, Verdict.PASS), T0.plusSeconds(22));
    assertThat(store.leaseUntil(id, "b", 2)).isEmpty();
  }

  @Test
  @DisplayName("create answers the row as the database holds it (without reading it back)")
  void createAnswersTheStoredRow() {
    var s = scan("req-row", "a");
    var precise = new NewScan(s.scanId(), s.requestId(), s.request(), s.manifest(), s.contentStore(), s.owner(),
        s.leaseUntil().plusNanos(1_234_567), s.deadlineAt().plusNanos(7), s.createdAt().plusNanos(999_999));
    assertThat(store.create(precise).scan()).isEqualTo(store.find(s.scanId()).orElseThrow());
  }

  @Test
  @DisplayName("knows whether it runs on PostgreSQL (whose event writes notify the other replicas)")
  void knowsItsDatabase() {
    assertThat(store.postgres()).isEqualTo(db.name().equals("PostgreSQL"));
  }
}
