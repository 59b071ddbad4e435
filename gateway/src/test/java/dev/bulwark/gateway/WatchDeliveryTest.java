package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.WatchScanRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchers get a scan's events as they are committed, not at the next poll: with the poll set to
 * an hour, a watch that relied on it would hit its deadline.
 */
@DisplayName("Scan events reach watchers without waiting for the poll")
class WatchDeliveryTest {
  static final Duration NEVER = Duration.ofHours(1);
  @TempDir
  Path tmp;
  Path tree;

  @BeforeEach
  void writeTree() throws Exception {
    tree = GatewayFixture.sampleTree(tmp);
  }

  /** sast holds the scan until released, so that the watchers are there before most events. */
  final StallingEngine sast = new StallingEngine("sast", "TODO");

  GatewayFixture.Spec spec() {
    return new GatewayFixture.Spec().scanner("sast", sast)
        .scanner("sca", new KeywordEngine("sca", "evil-dep", Severity.CRITICAL))
        .scanner("container", new KeywordEngine("container", "MALWARE", Severity.HIGH))
        .watchPoll(NEVER);
  }

  static ArrayList<ScanUpdate> watch(GatewayFixture.Replica replica, String id) {
    var got = new ArrayList<ScanUpdate>();
    replica.gateway().withDeadlineAfter(30, TimeUnit.SECONDS)
        .watchScan(WatchScanRequest.newBuilder().setScanId(id).build()).forEachRemaining(got::add);
    return got;
  }

  @Test
  @DisplayName("on the coordinating replica: handed over in-process, every event once and in order")
  void onTheCoordinatingReplica() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec())) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      var watching = CompletableFuture.supplyAsync(() -> watch(fx.first(), id));
      Thread.sleep(500);
      sast.release.countDown();
      var got = watching.get(60, TimeUnit.SECONDS);

      assertThat(got).extracting(ScanUpdate::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(got.get(6).hasResult()).isTrue();
      assertThat(got.subList(0, 3)).allSatisfy(u -> assertThat(u.getProgress().getPhase()).isEqualTo("started"));
      assertThat(fx.coordinator.phases().count("deliver")).isGreaterThanOrEqualTo(1);
      assertThat(fx.coordinator.phases().count("admit")).as("StartScan's admission, timed from the call's arrival")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("on another replica, with PostgreSQL: woken by NOTIFY, the same events as the coordinator's watchers")
  void onAnotherReplicaWithPostgres() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec().postgres())) {
      var b = fx.replica("gateway-b");
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      var watching = CompletableFuture.supplyAsync(() -> watch(b, id));
      Thread.sleep(500); // b delivers what is in the database when the watch arrives; the rest only if notified
      sast.release.countDown();
      var viaB = watching.get(60, TimeUnit.SECONDS);

      assertThat(viaB).extracting(ScanUpdate::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(viaB).isEqualTo(watch(fx.first(), id));
    }
  }
}
