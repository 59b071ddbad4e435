package dev.bulwark.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.dist.EmbeddedCluster;
import dev.bulwark.gateway.GatewayEmbeddedService;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway replicas (sharing the content store and the scan database, as replicas share a
 * bucket and PostgreSQL) in front of the real scanners and gate. The replica coordinating a
 * running scan is killed; the CLI, still running, gets the decision through the other one.
 */
@DisplayName("the CLI survives the death of the gateway replica coordinating its scan")
class GatewayFailoverIntegrationTest {
  @TempDir
  Path home;
  @TempDir
  Path cliHome;
  EmbeddedCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theCoordinatingReplicaIsKilledMidScanAndTheCliPrintsTheDecisionFromAnotherReplica() throws Exception {
    var firstFinding = new CompletableFuture<Void>();
    var release = new CompletableFuture<Void>();
    var startedOn = new ConcurrentLinkedQueue<String>();
    var services = new ArrayList<EmbeddedService>();
    for (EmbeddedService s : ClusterIntegrationTest.realServices()) {
      switch (s.name()) {
        case "sca" -> services.add(PausingService.pauseAfterFirstFinding(s, firstFinding, release));
        case "gateway" -> {
          services.add(Replicas.recordingStartScan(s, startedOn));
          services.add(Replicas.recordingStartScan(Replicas.named(s, "gateway-b"), startedOn));
        }
        default -> services.add(s);
      }
    }
    cluster = new EmbeddedCluster(services).start(new LocalCluster.Settings(home, Optional.of(SharedFixtures.osv()),
        Map.of(GatewayEmbeddedService.LEASE_MILLIS, "1500"), 0));
    String replicas = cluster.target("gateway") + "," + cluster.target("gateway-b");
    // The cluster authenticates every call: the local admin token it created under its home.
    String token = LocalAdminToken.read(home).orElseThrow();

    var cli = CompletableFuture.supplyAsync(() -> CliRun.showingProgress(cliHome, List.of(), "scan",
        SharedFixtures.vulnerableApp().toString(), "--gateway", replicas, "--project", "vulnerable-app",
        "--format", "json", "--deadline", "240", "--token", token));
    firstFinding.get(120, TimeUnit.SECONDS); // the scan is certainly running: sca holds its first finding
    String coordinator = startedOn.peek();
    assertThat(coordinator).isIn("gateway", "gateway-b");
    cluster.kill(coordinator);
    release.complete(null);
    var run = cli.get(180, TimeUnit.SECONDS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // FAIL: the vulnerable app's decision
    var report = new ObjectMapper().readTree(run.out());
    String scanId = report.path("scanId").asText(report.path("scan_id").asText());
    assertThat(run.out()).contains("FAIL");
    assertThat(run.err()).as("the other replica took the scan over").contains("re-dispatched by")
        .contains("stopped coordinating the scan");
    var admin = ClientSecurity.NONE.withCredentials(BearerCredentials.of(token));
    var gate = Channels.forTarget(cluster.target("gate"), admin);
    try {
      var decisions = GateGrpc.newBlockingStub(gate).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listDecisions(ListDecisionsRequest.newBuilder().setProject("vulnerable-app").build());
      assertThat(decisions.getDecisionsList()).as("exactly one decision").hasSize(1);
      if (!scanId.isEmpty()) {
        assertThat(decisions.getDecisions(0).getScanId()).isEqualTo(scanId);
      }
    } finally {
      Channels.close(gate);
    }
  }
}
