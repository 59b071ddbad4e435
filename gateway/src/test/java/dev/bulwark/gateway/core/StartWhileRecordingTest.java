package dev.bulwark.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A new scan's scanners start while its row is written, and are called off when it is not")
class StartWhileRecordingTest {
  @TempDir
  Path tmp;

  @Test
  void aScanWhoseRowCannotBeWrittenLeavesNoScannerCallRunning() throws Exception {
    var sast = new StallingEngine("sast", "TODO"); // would run until released, which never happens
    var servers = new ArrayList<ManagedGrpcServer>();
    var endpoints = new ArrayList<ScannerEndpoint>();
    var policy = new ResiliencePolicy(8, Duration.ofSeconds(5), 50, 5, 10, Duration.ofMinutes(1), 3,
        Duration.ofMillis(50));
    int i = 0;
    for (var engine : List.of(sast, new KeywordEngine("sca", "evil-dep", Severity.CRITICAL),
        new KeywordEngine("container", "MALWARE", Severity.HIGH))) {
      var server = ManagedGrpcServer.onLoopback("fake-" + engine.name(), 0,
          new ScannerGrpcService(engine, new DiskBlobStore(tmp.resolve("cache-" + i++)), ""));
      server.start();
      servers.add(server);
      endpoints.add(new ScannerEndpoint(engine.name(), server.target(), policy));
    }
    var pool = JdbcConnectionPool.create("jdbc:h2:mem:start-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    var scans = ScanStore.migrated(Jdbi.create(pool), pool);
    // The database refuses this project's rows: the scan's INSERT fails after the scanners were called.
    Jdbi.create(pool).useHandle(h -> h.execute(
        "ALTER TABLE gateway_scans ADD CONSTRAINT refuse_project CHECK (project <> 'refused')"));
    var blobs = new DiskBlobStore(Files.createDirectories(tmp.resolve("cas")));
    var packed = TreePacker.pack(GatewayFixture.sampleTree(tmp), IgnoreRules.NONE);
    for (var blob : packed.blobs().values()) {
      blobs.put(Files.readAllBytes(blob));
    }
    var request = GatewayFixture.request(Manifest.newBuilder().addAllFiles(packed.files()).build(), 60).toBuilder()
        .setContext(ScanContext.newBuilder().setProject("refused").setBranch("main")).build();
    var contentStore = ManagedGrpcServer.onLoopback("gateway-cas", 0, new ContentStoreService(blobs));
    contentStore.start(); // where the scanners read the tree
    servers.add(contentStore);
    var coordinator = new ScanCoordinator(blobs, scans, endpoints, "127.0.0.1:1",
        ScanCoordinator.Settings.defaults(), "gateway-a", Clock.systemUTC());
    try {
      assertThatThrownBy(() -> coordinator.start(request, contentStore.target())).isInstanceOf(JdbiException.class);

      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (coordinator.scannerLoad().values().stream().anyMatch(l -> l.inFlight() + l.waiting() > 0)
          && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(coordinator.scannerLoad().values()).as("every scanner call ended")
          .allSatisfy(l -> assertThat(l.inFlight() + l.waiting()).isZero());
      if (sast.stalled.getCount() == 0) { // the call had reached the scanner: it was cancelled there
        assertThat(sast.sawCancellation.await(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(sast.release.getCount()).as("the stalling scanner was never released").isOne();
      assertThat(coordinator.localScans()).isZero();
      assertThat(scans.pendingByScanner(List.of("sast", "sca", "container")).values()).allMatch(n -> n == 0);
    } finally {
      coordinator.halt();
      for (var server : servers) {
        server.stop();
      }
      pool.dispose();
    }
  }
}
