package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandTest {
  @TempDir
  Path tmp;

  @Test
  void runsEveryServiceOnItsFixedPortUntilInterruptedAndScanWithGatewayUsesIt() throws Exception {
    int base;
    try (var s = new ServerSocket(0)) {
      base = Math.min(s.getLocalPort(), 60000);
    }
    var thread = new Thread[1];
    var cluster = CompletableFuture.supplyAsync(() -> {
      thread[0] = Thread.currentThread();
      return CliRun.run(tmp.resolve("home"), FakeServices.cluster(), "cluster", "--port-base", String.valueOf(base));
    });
    awaitListening(base, cluster);

    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("main.go"), "// TODO remove\n");
    var scan = CliRun.run(tmp.resolve("client-home"), FakeServices.cluster(),
        "scan", repo.toString(), "--gateway", "dns:///127.0.0.1:" + base, "--format", "json");
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(scan.out()).get("findings").get(0).get("location").get("path").asText())
        .isEqualTo("main.go");

    thread[0].interrupt();
    var run = cluster.get(30, TimeUnit.SECONDS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("gateway on 127.0.0.1:" + base).contains("sast on 127.0.0.1:" + (base + 1))
        .contains("gate on 127.0.0.1:" + (base + 4));
    try (var probe = new Socket()) {
      assertThat(probe).satisfies(p -> {
        try {
          p.connect(new java.net.InetSocketAddress("127.0.0.1", base), 500);
          throw new AssertionError("the gateway still listens after the cluster stopped");
        } catch (java.io.IOException expected) {
          // stopped
        }
      });
    }
  }

  private static void awaitListening(int port, CompletableFuture<CliRun> cluster) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (cluster.isDone()) {
        throw new AssertionError("cluster exited early: " + cluster.get().err());
      }
      try (var s = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("gateway never listened on " + port);
  }
}
