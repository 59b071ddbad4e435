package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerProgress;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import dev.bulwark.v1.WatchScanRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Any replica serves any scan, and a dead replica's scans are taken over")
class TakeoverTest {
  @TempDir
  Path tmp;
  Path tree;

  @BeforeEach
  void writeTree() throws Exception {
    tree = GatewayFixture.sampleTree(tmp);
  }

  static GatewayFixture.Spec spec(StallingEngine sast, Duration lease) {
    return new GatewayFixture.Spec().scanner("sast", sast)
        .scanner("sca", new KeywordEngine("sca", "evil-dep", Severity.CRITICAL))
        .scanner("container", new KeywordEngine("container", "MALWARE", Severity.HIGH))
        .lease(lease);
  }

  static ScannerReport report(ScanResult r, String scanner) {
    return r.getScannersList().stream().filter(s -> s.getScanner().equals(scanner)).findFirst().orElseThrow();
  }

  @Test
  void aWatcherOfAnotherReplicaSeesTheSameEventsWithTheSameSequenceNumbers() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    sast.release.countDown();
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofSeconds(20)))) {
      var b = fx.replica("gateway-b");
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();

      var viaB = new ArrayList<ScanUpdate>();
      b.gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id).build()).forEachRemaining(viaB::add);
      var viaA = fx.watch(id);

      assertThat(viaB).isEqualTo(viaA);
      assertThat(viaB).extracting(ScanUpdate::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(b.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build()))
          .isEqualTo(viaA.get(6).getResult());
    }
  }

  @Test
  void aWatcherResumingAfterASequenceGetsOnlyTheRest() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    sast.release.countDown();
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofSeconds(20)))) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      var all = fx.watch(id);

      var rest = new ArrayList<ScanUpdate>();
      fx.replica("gateway-b").gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id).setAfterSequence(4)
          .build()).forEachRemaining(rest::add);

      assertThat(rest).isEqualTo(all.subList(4, all.size()));
    }
  }

  @Test
  void aStartScanRetriedWithItsRequestIdOnAnotherReplicaAnswersTheSameScan() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    sast.release.countDown();
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofSeconds(20)))) {
      var b = fx.replica("gateway-b");
      var request = GatewayFixture.request(fx.upload(tree), 60).toBuilder().setRequestId("ci-job-42-attempt").build();

      var first = fx.gateway().startScan(request);
      var retry = b.gateway().startScan(request);

      assertThat(first.getExisting()).isFalse();
      assertThat(retry.getExisting()).isTrue();
      assertThat(retry.getScanId()).isEqualTo(first.getScanId());
      fx.watch(first.getScanId());
      assertThat(fx.gate.requests).hasSize(1);
      assertThat(sast.scans.get()).isEqualTo(1);
    }
  }

  @Test
  void whenTheCoordinatingReplicaDiesAnotherTakesOverAndRedispatchesOnlyTheUnfinishedScanner() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofMillis(900)))) {
      var b = fx.replica("gateway-b");
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      while (fx.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build()).getScannersCount() < 2) {
        Thread.sleep(20); // sca and container reported; sast is stalled
      }
      // A watcher on A saw some events; it will resume on B after the last one it saw.
      var seen = new ArrayList<ScanUpdate>();
      var stream = fx.gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id).build());
      while (seen.size() < 5) {
        seen.add(stream.next());
      }

      fx.first().crash();
      sast.release.countDown(); // the second dispatch of sast runs through

      var rest = new ArrayList<ScanUpdate>();
      b.gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id)
          .setAfterSequence(seen.get(seen.size() - 1).getSequence()).build()).forEachRemaining(rest::add);
      var result = rest.get(rest.size() - 1).getResult();

      assertThat(result.getState()).isEqualTo(ScanState.DONE);
      assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
      assertThat(report(result, "sast").getStatus()).as(report(result, "sast").getMessage())
          .isEqualTo(ScannerStatus.OK);
      assertThat(result.getFindingsList()).extracting(f -> f.getFinding().getScanner())
          .containsExactlyInAnyOrder("sast", "sca");
      var progress = rest.stream().filter(ScanUpdate::hasProgress).map(ScanUpdate::getProgress).toList();
      assertThat(progress).filteredOn(p -> p.getPhase().equals("started"))
          .extracting(ScannerProgress::getScanner).containsExactly("sast");
      assertThat(progress.get(0).getMessage()).contains("re-dispatched by gateway-b").contains("gateway-a");
      var sequences = new ArrayList<Long>();
      seen.forEach(u -> sequences.add(u.getSequence()));
      rest.forEach(u -> sequences.add(u.getSequence()));
      assertThat(sequences).as("no event lost or seen twice").isSortedAccordingTo(Long::compare).doesNotHaveDuplicates()
          .startsWith(1L).endsWith((long) sequences.size());
      assertThat(fx.gate.requests).as("one decision").hasSize(1);
      assertThat(fx.gate.requests.get(0).getScannersList()).extracting(ScannerReport::getScanner)
          .containsExactly("sast", "sca", "container");
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void aScanWhoseDeadlinePassedWhileNoReplicaCoordinatedItEndsAsErrorSayingSo() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofMillis(600)))) {
      var request = GatewayFixture.request(fx.upload(tree), 2);
      String id = fx.gateway().startScan(request).getScanId();
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      while (fx.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build()).getScannersCount() < 2) {
        Thread.sleep(20);
      }
      fx.first().crash();
      Thread.sleep(2100); // past the deadline, with nobody coordinating

      var b = fx.replica("gateway-b");
      var updates = new ArrayList<ScanUpdate>();
      b.gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id).build()).forEachRemaining(updates::add);
      var result = updates.get(updates.size() - 1).getResult();

      assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.ERROR);
      assertThat(result.getDecision().getReasons(0)).contains("deadline").contains("no gateway replica coordinated it")
          .contains("gateway-a");
      assertThat(result.getScannersList()).extracting(ScannerReport::getScanner).contains("sca", "container");
      assertThat(result.getFindingsList()).as("what the scanners that reported found is kept")
          .extracting(f -> f.getFinding().getScanner()).contains("sca");
      assertThat(fx.gate.requests).isEmpty();
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void aReplicaShuttingDownCleanlyHandsItsScansOverAtOnce() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast, Duration.ofSeconds(30)))) {
      var b = fx.replica("gateway-b");
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();

      long t0 = System.nanoTime();
      fx.coordinator.close(); // a rolling update: the lease is released, not left to expire
      sast.release.countDown();
      var updates = new ArrayList<ScanUpdate>();
      b.gateway().watchScan(WatchScanRequest.newBuilder().setScanId(id).build()).forEachRemaining(updates::add);
      long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);

      var result = updates.get(updates.size() - 1).getResult();
      assertThat(report(result, "sast").getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(took).as("well before the 30 s lease").isLessThan(20);
      assertThat(fx.gate.requests).hasSize(1);
      assertThat(updates.stream().filter(ScanUpdate::hasResult)).hasSize(1);
    } finally {
      sast.release.countDown();
    }
  }

  static List<String> scanners(ScanResult r) {
    return r.getScannersList().stream().map(ScannerReport::getScanner).toList();
  }
}
