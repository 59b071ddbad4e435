package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.bulwark.gateway.health.GatewayMetrics;
import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the gauges an autoscaler scales scanners on")
class GatewayMetricsTest {
  @TempDir
  Path tmp;

  @Test
  void pendingCountsRunningScansPerScannerThatHasNotReportedAndInflightCountsThisReplicasCalls() throws Exception {
    var tree = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(tree.resolve("a.py"), "# TODO\n");
    var sast = new StallingEngine("sast", "TODO");
    var spec = new GatewayFixture.Spec().scanner("sast", sast)
        .scanner("sca", new KeywordEngine("sca", "x", Severity.LOW))
        .scanner("container", new KeywordEngine("container", "x", Severity.LOW));
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      var registry = new MetricRegistry();
      GatewayMetrics.register(registry, fx.coordinator, List.of("sast", "sca", "container"));
      var manifest = fx.upload(tree);
      String id = fx.gateway().startScan(GatewayFixture.request(manifest, 60)).getScanId();
      assertThat(sast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      while (fx.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build()).getScannersCount() < 2) {
        Thread.sleep(20);
      }

      assertThat(gauge(registry, "bulwark.cluster.scanner.sast.pending")).isEqualTo(1);
      assertThat(gauge(registry, "bulwark.cluster.scanner.sca.pending")).isEqualTo(0);
      assertThat(gauge(registry, "bulwark.scanner.sast.inflight")).isEqualTo(1);
      assertThat(gauge(registry, "bulwark.scanner.sca.inflight")).isEqualTo(0);
      assertThat(gauge(registry, "bulwark.scans.local")).isEqualTo(1);

      sast.release.countDown();
      fx.watch(id);
      for (int i = 0; i < 100 && gauge(registry, "bulwark.scans.local") > 0; i++) {
        Thread.sleep(20); // the run lets go just after the result is written
      }
      assertThat(gauge(registry, "bulwark.scans.local")).isEqualTo(0);
      assertThat(gauge(registry, "bulwark.scanner.sast.inflight")).isEqualTo(0);
    } finally {
      sast.release.countDown();
    }
  }

  static int gauge(MetricRegistry registry, String name) {
    return (Integer) ((Gauge<?>) registry.getGauges().get(name)).getValue();
  }
}
