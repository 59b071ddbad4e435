package dev.bulwark.cli.it;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.cli.local.LocalCluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.dist.EmbeddedCluster;
import dev.bulwark.cli.scan.ScanClient;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five real services, each its own gRPC server on a loopback port, with the real OSV data and
 * the embedded database: a scan goes client → gateway → three scanners → gateway → gate → client.
 */
@DisplayName("the whole cluster on loopback, scanning the shared fixture apps")
class ClusterIntegrationTest {
  @TempDir
  Path home;

  /** The cluster authenticates every call: the local admin token it created under its home. */
  ClientSecurity admin() {
    return ClientSecurity.NONE.withCredentials(BearerCredentials.of(LocalAdminToken.read(home).orElseThrow()));
  }
  EmbeddedCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  EmbeddedCluster start(List<EmbeddedService> services) {
    cluster = new EmbeddedCluster(services).requireComplete()
        .start(new LocalCluster.Settings(home, Optional.of(SharedFixtures.osv()), Map.of(), 0));
    return cluster;
  }

  static List<EmbeddedService> realServices() {
    var list = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(list::add);
    return list;
  }

  ScanResult scan(Path tree, String project) throws Exception {
    var channel = ScanClient.pinnedChannel(cluster.target("gateway"), admin());
    try {
      var context = ScanContext.newBuilder().setProject(project).setBranch("main").build();
      return new ScanClient(channel, line -> { }).scan(new ScanClient.Request(tree, List.of(), context, 300, ""))
          .result();
    } finally {
      Channels.close(channel);
    }
  }

  static List<String> rules(ScanResult result, String scanner) {
    return result.getFindingsList().stream().map(EvaluatedFinding::getFinding)
        .filter(f -> f.getScanner().equals(scanner)).map(f -> f.getRuleId() + " " + f.getCweList()).toList();
  }

  @Test
  void vulnerableAppFailsWithFindingsFromEveryScannerAndTheDecisionIsPersisted() throws Exception {
    start(realServices());

    ScanResult result = scan(SharedFixtures.vulnerableApp(), "vulnerable-app");

    assertThat(result.getDecision().getVerdict()).as(result.getDecision().getReasonsList().toString())
        .isEqualTo(Verdict.FAIL);
    assertThat(result.getScannersList()).allSatisfy(s ->
        assertThat(s.getStatus()).as(s.getScanner() + ": " + s.getMessage()).isEqualTo(ScannerStatus.OK));
    var findings = result.getFindingsList().stream().map(EvaluatedFinding::getFinding).toList();
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.getScanner()).isEqualTo("sast");
      assertThat(f.getCweList()).contains(89);
      assertThat(f.getLocation().getPath()).endsWith("OrderServlet.java");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.getScanner()).isEqualTo("sca");
      assertThat(f.getPackage().getName()).isEqualTo("org.apache.logging.log4j:log4j-core");
      assertThat(f.getAdvisory().getId() + f.getAdvisory().getAliasesList()).contains("GHSA-jfh8-c2jp-5v3q");
      assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.getScanner()).isEqualTo("container");
      assertThat(f.getLocation().getPath()).isEqualTo("deploy/k8s/deployment.yaml");
    });
    var junit = result.getFindingsList().stream()
        .filter(f -> f.getFinding().getPackage().getName().equals("junit:junit")).findFirst().orElseThrow();
    var log4j = result.getFindingsList().stream()
        .filter(f -> f.getFinding().getPackage().getName().endsWith("log4j-core")).findFirst().orElseThrow();
    assertThat(junit.getRiskScore()).isLessThan(log4j.getRiskScore());

    var gate = Channels.forTarget(cluster.target("gate"), admin());
    try {
      var decisions = GateGrpc.newBlockingStub(gate).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listDecisions(ListDecisionsRequest.newBuilder().setProject("vulnerable-app").build());
      assertThat(decisions.getDecisionsList()).anySatisfy(d -> {
        assertThat(d.getScanId()).isEqualTo(result.getScanId());
        assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
      });
    } finally {
      Channels.close(gate);
    }
  }

  @Test
  void cleanAppPassesWithNothingOfMediumOrAbove() throws Exception {
    start(realServices());

    ScanResult first = scan(SharedFixtures.cleanApp(), "clean-app");

    assertThat(first.getDecision().getVerdict()).as(first.getDecision().getReasonsList().toString())
        .isEqualTo(Verdict.PASS);
    assertThat(first.getFindingsList()).allSatisfy(f ->
        assertThat(f.getFinding().getSeverity().getNumber()).isLessThan(Severity.MEDIUM_VALUE));
  }

  @Test
  void aScannerKilledMidScanGivesErrorNamingItWhileTheOthersFindingsAreKept() throws Exception {
    var firstFinding = new CompletableFuture<Void>();
    var release = new CompletableFuture<Void>();
    var services = realServices().stream()
        .map(s -> s.name().equals("sca") ? PausingService.pauseAfterFirstFinding(s, firstFinding, release) : s)
        .toList();
    start(services);

    var scan = CompletableFuture.supplyAsync(() -> {
      try {
        return scan(SharedFixtures.vulnerableApp(), "vulnerable-app");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    firstFinding.get(120, TimeUnit.SECONDS);
    cluster.kill("sca");
    release.complete(null);
    ScanResult result = scan.get(180, TimeUnit.SECONDS);

    assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.getDecision().getReasonsList()).anySatisfy(r -> assertThat(r).contains("sca"));
    assertThat(result.getScannersList()).anySatisfy(s -> {
      assertThat(s.getScanner()).isEqualTo("sca");
      assertThat(s.getStatus()).isEqualTo(ScannerStatus.FAILED);
      assertThat(s.getMessage()).isNotBlank();
    });
    assertThat(rules(result, "sast")).isNotEmpty();
    assertThat(rules(result, "container")).isNotEmpty();
    assertThat(rules(result, "sca")).isEmpty();
  }
}
