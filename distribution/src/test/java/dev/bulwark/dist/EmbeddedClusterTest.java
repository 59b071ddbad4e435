package dev.bulwark.dist;

import dev.bulwark.cli.local.LocalCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.grpc.Channels;
import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClusterTest {
  @TempDir
  Path home;

  /** Records the targets it was given and when it was closed. */
  record Probe(String name, int startOrder, List<String> log) implements EmbeddedService {
    @Override
    public List<BindableService> create(EmbeddedContext context) {
      log.add("create " + name + " seeing " + context.targets().keySet().stream().sorted().toList());
      context.closeOnStop(() -> log.add("close " + name));
      return List.of(new HealthStatusManager().getHealthService());
    }
  }

  LocalCluster.Settings settings(int portBase) {
    return new LocalCluster.Settings(home, Optional.empty(), Map.of(), portBase);
  }

  @Test
  void startsServicesInStartOrderEachSeeingTheEarlierOnesAndStopsThemInReverse() {
    var log = new CopyOnWriteArrayList<String>();
    var cluster = new EmbeddedCluster(List.of(new Probe("gateway", 30, log), new Probe("sast", 10, log),
        new Probe("gate", 20, log)));
    cluster.start(settings(0));
    try {
      assertThat(cluster.targets().keySet()).containsExactly("sast", "gate", "gateway");
      var channel = Channels.forTarget(cluster.target("gate"));
      try {
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
            .hasToString("SERVING");
      } finally {
        Channels.close(channel);
      }
    } finally {
      cluster.close();
    }
    assertThat(log).containsExactly("create sast seeing []", "create gate seeing [sast]",
        "create gateway seeing [gate, sast]", "close gateway", "close gate", "close sast");
  }

  @Test
  void startsServicesOfTheSameOrderInParallel() {
    // Each of the two waits in create() until the other is creating too: started one after the
    // other, the first would wait in vain and the barrier would break.
    var barrier = new CyclicBarrier(2);
    var log = new CopyOnWriteArrayList<String>();
    class Meeting implements EmbeddedService {
      final String name;

      Meeting(String name) {
        this.name = name;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public int startOrder() {
        return 10;
      }

      @Override
      public List<BindableService> create(EmbeddedContext context) throws Exception {
        barrier.await(20, TimeUnit.SECONDS);
        log.add(name + " on " + Thread.currentThread().getName());
        return List.of(new HealthStatusManager().getHealthService());
      }
    }
    try (var cluster = new EmbeddedCluster(List.of(new Meeting("sast"), new Meeting("gate"),
        new Probe("gateway", 30, log)))) {
      cluster.start(settings(0));
      assertThat(cluster.targets().keySet()).containsExactly("sast", "gate", "gateway");
    }
    assertThat(log).hasSize(4).contains("create gateway seeing [gate, sast]", "close gateway");
    assertThat(log.subList(0, 2)).allMatch(line -> line.endsWith("on embedded-service"));
  }

  @Test
  void stopsServicesOfTheSameOrderInParallelOnceTheHigherOrdersHaveStopped() {
    // Each of the two waits in what it closes until the other is closing too: stopped one after
    // the other, the first would wait in vain and the barrier would break.
    var barrier = new CyclicBarrier(2);
    var log = new CopyOnWriteArrayList<String>();
    class Closing implements EmbeddedService {
      final String name;

      Closing(String name) {
        this.name = name;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public int startOrder() {
        return 10;
      }

      @Override
      public List<BindableService> create(EmbeddedContext context) {
        context.closeOnStop(() -> {
          log.add("closing " + name);
          barrier.await(20, TimeUnit.SECONDS);
          log.add("closed " + name);
        });
        return List.of(new HealthStatusManager().getHealthService());
      }
    }
    var cluster = new EmbeddedCluster(List.of(new Closing("sast"), new Closing("gate"),
        new Probe("gateway", 30, log)));
    cluster.start(settings(0));
    cluster.close();
    assertThat(log).hasSize(6).startsWith("create gateway seeing [gate, sast]", "close gateway")
        .contains("closed sast", "closed gate");
    assertThat(barrier.isBroken()).isFalse();
    assertThat(cluster.targets()).isEmpty();
  }

  @Test
  void collectsTheLinksServicesAdvertiseAndTheRealGateAdvertisesItsDashboard() throws Exception {
    var cluster = new EmbeddedCluster(List.of(new dev.bulwark.gate.GateEmbeddedService()));
    cluster.start(new LocalCluster.Settings(home, Optional.empty(), Map.of(dev.bulwark.gate.GateEmbeddedService.DASHBOARD, "127.0.0.1:0"), 0));
    try {
      String url = cluster.links().get("dashboard");
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/dashboard/");
      var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      cluster.close();
    }
    assertThat(cluster.links()).isEmpty();
  }

  @Test
  void aPortBasePutsEachServiceOnItsFixedOffset() throws Exception {
    int base;
    try (var s = new java.net.ServerSocket(0)) {
      base = s.getLocalPort() < 60000 ? s.getLocalPort() : 40000;
    }
    var log = new ArrayList<String>();
    try (var cluster = new EmbeddedCluster(List.of(new Probe("gateway", 30, log), new Probe("sca", 10, log)))) {
      cluster.start(settings(base));
      assertThat(cluster.target("gateway")).isEqualTo("127.0.0.1:" + base);
      assertThat(cluster.target("sca")).isEqualTo("127.0.0.1:" + (base + 2));
    }
  }

  @Test
  void namesTheMissingServicesWhenIncomplete() {
    var cluster = new EmbeddedCluster(List.of(new Probe("gateway", 30, new ArrayList<>())));
    assertThat(cluster.missing()).containsExactly("sast", "sca", "container", "gate");
    assertThatThrownBy(cluster::requireComplete).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks sast, sca, container, gate");
  }

  @Test
  void rejectsTwoServicesWithTheSameName() {
    var log = new ArrayList<String>();
    assertThatThrownBy(() -> new EmbeddedCluster(List.of(new Probe("sast", 10, log), new Probe("sast", 10, log))))
        .hasMessageContaining("'sast'");
  }

  @Test
  void fromClasspathFindsTheGatewayThroughServiceLoader() {
    var cluster = EmbeddedCluster.fromClasspath();
    assertThat(cluster.names()).contains("gateway");
    assertThat(cluster.missing()).doesNotContain("gateway");
  }

  @Test
  void aServiceThatCannotStartStopsTheOthersAndSaysWhich() {
    var log = new CopyOnWriteArrayList<String>();
    EmbeddedService broken = new EmbeddedService() {
      @Override
      public String name() {
        return "gate";
      }

      @Override
      public int startOrder() {
        return 20;
      }

      @Override
      public List<BindableService> create(EmbeddedContext context) {
        throw new IllegalStateException("no database");
      }
    };
    var cluster = new EmbeddedCluster(List.of(new Probe("sast", 10, log), broken));
    assertThatThrownBy(() -> cluster.start(settings(0))).hasMessage("cannot start the embedded gate service: no database");
    assertThat(log).containsExactly("create sast seeing []", "close sast");
    assertThat(cluster.targets()).isEmpty();
  }
}
