package dev.bulwark.gateway.health;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.bulwark.gateway.core.ScanCoordinator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gauges an autoscaler scales on, in the admin port's {@code /metrics}:
 * <ul>
 *   <li>{@code bulwark.scans.local}: scans this replica coordinates;</li>
 *   <li>{@code bulwark.scanner.<name>.inflight} / {@code .waiting}: this replica's calls to a
 *       scanner type running, and waiting for a bulkhead slot;</li>
 *   <li>{@code bulwark.cluster.scanner.<name>.pending}: running scans in the whole cluster that
 *       still need that scanner (from the shared database, the same on every replica, cached 5 s):
 *       the queue depth to scale each scanner's replicas on.</li>
 *   <li>{@code bulwark.scan.phase.<phase>}: where scans' time goes outside the scanners
 *       ({@link dev.bulwark.gateway.core.ScanPhases}).</li>
 * </ul>
 */
public final class GatewayMetrics {
  private GatewayMetrics() {}

  public static void register(MetricRegistry registry, ScanCoordinator coordinator, List<String> scanners) {
    registry.register("bulwark.scans.local", (Gauge<Integer>) coordinator::localScans);
    registry.registerAll(coordinator.phases().registry());
    var pending = new CachedGauge<Map<String, Integer>>(5, TimeUnit.SECONDS) {
      @Override
      protected Map<String, Integer> loadValue() {
        return coordinator.clusterPending();
      }
    };
    for (String s : scanners) {
      registry.register("bulwark.scanner." + s + ".inflight",
          (Gauge<Integer>) () -> coordinator.scannerLoad().get(s).inFlight());
      registry.register("bulwark.scanner." + s + ".waiting",
          (Gauge<Integer>) () -> coordinator.scannerLoad().get(s).waiting());
      registry.register("bulwark.cluster.scanner." + s + ".pending",
          (Gauge<Integer>) () -> pending.getValue().getOrDefault(s, 0));
    }
  }
}
