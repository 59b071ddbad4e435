package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.gateway.core.ResiliencePolicy;
import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("When a scanner or the gate fails")
class ScannerFailureTest {
  @TempDir
  Path tmp;
  Path tree;

  @BeforeEach
  void writeTree() throws Exception {
    tree = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(tree.resolve("a.py"), "# TODO one\nimport evil-dep\n");
    Files.writeString(tree.resolve("b.py"), "# TODO two\n");
  }

  static GatewayFixture.Spec spec(KeywordEngine sast) {
    return new GatewayFixture.Spec().scanner("sast", sast)
        .scanner("sca", new KeywordEngine("sca", "evil-dep", Severity.HIGH))
        .scanner("container", new KeywordEngine("container", "MALWARE", Severity.HIGH));
  }

  static ScannerReport report(ScanResult result, String scanner) {
    return result.getScannersList().stream().filter(r -> r.getScanner().equals(scanner)).findFirst().orElseThrow();
  }

  @Test
  void aScannerKilledMidScanWithNoReplicaLeftIsReportedFailedWhileTheOthersFindingsAreKept() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast))) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      var updates = CompletableFuture.supplyAsync(() -> fx.watch(id));
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(1000); // let the first finding reach the gateway
      fx.scanner("sast").kill();
      var all = updates.get(30, TimeUnit.SECONDS);
      var result = all.get(all.size() - 1).getResult();

      assertThat(report(result, "sast").getStatus()).isEqualTo(ScannerStatus.FAILED);
      // retried (the partial findings dropped), but no replica is left
      assertThat(report(result, "sast").getMessage()).startsWith("unreachable at");
      assertThat(report(result, "sca").getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.getFindingsList()).extracting(f -> f.getFinding().getScanner()).containsExactly("sca");
      assertThat(all).filteredOn(ScanUpdate::hasProgress).map(ScanUpdate::getProgress)
          .anySatisfy(p -> assertThat(p.getScanner() + "/" + p.getPhase()).isEqualTo("sast/failed"));
      var gateSaw = fx.gate.requests.get(0).getScannersList();
      assertThat(gateSaw).filteredOn(r -> r.getScanner().equals("sast"))
          .singleElement().extracting(ScannerReport::getStatus).isEqualTo(ScannerStatus.FAILED);
      assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.ERROR);
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void aScannerReplicaKilledMidScanIsRetriedOnAnotherReplicaAndItsPartialFindingsDropped() throws Exception {
    var dying = new StallingEngine("sast", "TODO");
    var healthy = new KeywordEngine("sast", "TODO", Severity.HIGH);
    var spec = new GatewayFixture.Spec().scanner("sast", dying, healthy)
        .scanner("sca", new KeywordEngine("sca", "evil-dep", Severity.HIGH))
        .scanner("container", new KeywordEngine("container", "MALWARE", Severity.HIGH));
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      var manifest = fx.upload(tree);
      String id = fx.gateway().startScan(GatewayFixture.request(manifest, 60)).getScanId();
      // Round robin may send a scan to the healthy replica (its start is random, and it starts
      // again when a replica's connection becomes ready): scan again until one reaches the dying one.
      for (int i = 0; i < 10 && !dying.stalled.await(3, TimeUnit.SECONDS); i++) {
        fx.watch(id);
        id = fx.gateway().startScan(GatewayFixture.request(manifest, 60)).getScanId();
      }
      assertThat(dying.stalled.getCount()).as("a scan reached the replica that will die").isZero();
      Thread.sleep(500); // the first finding reached the gateway
      int before = healthy.scans.get();
      fx.scanner("sast").kill();
      var all = fx.watch(id);
      var result = all.get(all.size() - 1).getResult();

      assertThat(report(result, "sast").getStatus()).as(report(result, "sast").getMessage())
          .isEqualTo(ScannerStatus.OK);
      assertThat(healthy.scans.get()).isEqualTo(before + 1);
      assertThat(result.getFindingsList()).filteredOn(f -> f.getFinding().getScanner().equals("sast"))
          .as("both TODO lines once: the dead replica's partial finding is not kept").hasSize(2);
    } finally {
      dying.release.countDown();
    }
  }

  @Test
  void aScannerThatHangsPastTheDeadlineIsReportedFailedWithDeadlineExceeded() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast))) {
      var result = fx.scan(fx.upload(tree), 2);

      assertThat(report(result, "sast").getStatus()).isEqualTo(ScannerStatus.FAILED);
      assertThat(report(result, "sast").getMessage()).contains("deadline exceeded").contains("DEADLINE_EXCEEDED");
      assertThat(report(result, "sca").getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.getFindingsList()).extracting(f -> f.getFinding().getScanner()).containsExactly("sca");
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void anUnreachableGateGivesAnErrorVerdictNamingTheGateAndKeepsTheFindings() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"),
        spec(new KeywordEngine("sast", "TODO", Severity.LOW)).gateUnreachable())) {
      var result = fx.scan(fx.upload(tree), 30);

      assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.ERROR);
      assertThat(result.getDecision().getReasonsList()).singleElement().asString()
          .contains("gate unreachable at 127.0.0.1:");
      assertThat(result.getFindingsList()).hasSize(3);
      assertThat(result.getFindingsList().get(0).getFinding().getScanner()).isEqualTo("sca"); // most severe first
    }
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndThenTheScannerIsNotCalled() throws Exception {
    var policy = new ResiliencePolicy(4, Duration.ofSeconds(1), 50, 2, 2, Duration.ofMinutes(5), 1, Duration.ZERO);
    var spec = spec(new KeywordEngine("sast", "TODO", Severity.LOW)).unreachable("sca").policy(policy);
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      var manifest = fx.upload(tree);
      assertThat(fx.coordinator.circuitState("sca")).contains(CircuitBreaker.State.CLOSED);

      var first = fx.scan(manifest, 30);
      assertThat(report(first, "sca").getMessage()).startsWith("unreachable at 127.0.0.1:").contains("UNAVAILABLE");
      fx.scan(manifest, 30);
      assertThat(fx.coordinator.circuitState("sca")).contains(CircuitBreaker.State.OPEN);
      assertThat(fx.coordinator.circuitState("sast")).contains(CircuitBreaker.State.CLOSED);

      var third = fx.scan(manifest, 30);
      assertThat(report(third, "sca").getStatus()).isEqualTo(ScannerStatus.FAILED);
      assertThat(report(third, "sca").getMessage()).contains("circuit breaker open");
      assertThat(report(third, "sast").getStatus()).isEqualTo(ScannerStatus.OK);
    }
  }

  @Test
  void aScannerUnavailableBeforeAnyEventIsRetriedUntilItComesUp() throws Exception {
    int port = GatewayFixture.freePort();
    var policy = new ResiliencePolicy(4, Duration.ofSeconds(1), 50, 10, 10, Duration.ofMinutes(5), 20,
        Duration.ofMillis(250));
    var late = new KeywordEngine("sca", "evil-dep", Severity.HIGH);
    var spec = spec(new KeywordEngine("sast", "TODO", Severity.LOW)).policy(policy);
    spec.fixedTargets.put("sca", "127.0.0.1:" + port);
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      Thread.sleep(300); // the first attempts fail: nothing listens yet
      var service = new ScannerGrpcService(late, new DiskBlobStore(tmp.resolve("late-cache")), "");
      var server = ManagedGrpcServer.onLoopback("late-sca", port, service);
      server.start();
      try {
        var all = fx.watch(id);
        var result = all.get(all.size() - 1).getResult();
        assertThat(report(result, "sca").getStatus()).as(report(result, "sca").getMessage())
            .isEqualTo(ScannerStatus.OK);
        assertThat(late.scans.get()).isEqualTo(1);
        assertThat(result.getFindingsList()).extracting(f -> f.getFinding().getScanner()).contains("sca");
      } finally {
        server.kill();
        service.close();
      }
    }
  }

  @Test
  void shuttingTheGatewayDownCancelsInFlightScannerCalls() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast))) {
      fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60));
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      fx.coordinator.close();
      assertThat(sast.sawCancellation.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void aFullBulkheadFailsTheExtraScanForThatScannerOnly() throws Exception {
    var sast = new StallingEngine("sast", "TODO");
    var policy = new ResiliencePolicy(1, Duration.ZERO, 50, 5, 10, Duration.ofMinutes(5), 1, Duration.ZERO);
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec(sast).policy(policy))) {
      var manifest = fx.upload(tree);
      String first = fx.gateway().startScan(GatewayFixture.request(manifest, 60)).getScanId();
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      // The policy (one slot) applies to every scanner: let the first scan's sca and container finish.
      var getFirst = dev.bulwark.v1.GetScanRequest.newBuilder().setScanId(first).build();
      while (fx.gateway().getScan(getFirst).getScannersCount() < 2) {
        Thread.sleep(20);
      }

      var second = fx.scan(manifest, 60);
      assertThat(report(second, "sast").getStatus()).isEqualTo(ScannerStatus.FAILED);
      assertThat(report(second, "sast").getMessage()).contains("bulkhead full");
      assertThat(report(second, "sca").getStatus()).isEqualTo(ScannerStatus.OK);

      sast.release.countDown();
      var all = fx.watch(first);
      var firstSast = report(all.get(all.size() - 1).getResult(), "sast");
      assertThat(firstSast.getStatus()).as(firstSast.getMessage()).isEqualTo(ScannerStatus.OK);
    } finally {
      sast.release.countDown();
    }
  }

  @Test
  void scansAreSpreadRoundRobinOverReplicasOfOneScannerType() throws Exception {
    var replicaA = new KeywordEngine("sast", "TODO", Severity.LOW);
    var replicaB = new KeywordEngine("sast", "TODO", Severity.LOW);
    var spec = new GatewayFixture.Spec().scanner("sast", replicaA, replicaB)
        .scanner("sca", new KeywordEngine("sca", "x", Severity.LOW))
        .scanner("container", new KeywordEngine("container", "x", Severity.LOW));
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      var manifest = fx.upload(tree);
      for (int i = 0; i < 8; i++) {
        assertThat(report(fx.scan(manifest, 30), "sast").getStatus()).isEqualTo(ScannerStatus.OK);
      }
      assertThat(replicaA.scans.get()).isPositive();
      assertThat(replicaB.scans.get()).isPositive();
      assertThat(replicaA.scans.get() + replicaB.scans.get()).isEqualTo(8);
    }
  }
}
