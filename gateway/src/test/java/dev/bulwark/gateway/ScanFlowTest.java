package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.FakeEngines.StallingEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerProgress;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A scan through the gateway")
class ScanFlowTest {
  @TempDir
  Path tmp;
  Path tree;
  Path image;

  @BeforeEach
  void writeTree() throws Exception {
    tree = Files.createDirectories(tmp.resolve("repo/src"));
    Files.writeString(tree.resolve("App.java"), "class App {\n  // TODO: validate input\n}\n");
    Files.writeString(tmp.resolve("repo/package-lock.json"), "{\"evil-dep\": \"1.0\"}\n");
    Files.writeString(tmp.resolve("repo/.bulwark.yaml"), "failOn: high\n");
    image = Files.writeString(tmp.resolve("app.tar"), "layer with MALWARE inside");
    tree = tmp.resolve("repo");
  }

  static GatewayFixture.Spec threeScanners() {
    return new GatewayFixture.Spec()
        .scanner("sast", new KeywordEngine("sast", "TODO", Severity.MEDIUM))
        .scanner("sca", new KeywordEngine("sca", "evil-dep", Severity.CRITICAL))
        .scanner("container", new KeywordEngine("container", "MALWARE", Severity.HIGH));
  }

  @Test
  void fansOutToEveryScannerAndReturnsTheGatesDecisionWithFindingsByRisk() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), threeScanners())) {
      var result = fx.scan(fx.upload(tree, image), 60);

      assertThat(result.getState()).isEqualTo(ScanState.DONE);
      assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
      assertThat(result.getDecision().getScanId()).isEqualTo(result.getScanId());
      assertThat(result.getScannersList()).extracting(ScannerReport::getScanner, ScannerReport::getStatus,
          ScannerReport::getFindings).containsExactly(
              org.assertj.core.groups.Tuple.tuple("sast", ScannerStatus.OK, 1),
              org.assertj.core.groups.Tuple.tuple("sca", ScannerStatus.OK, 1),
              org.assertj.core.groups.Tuple.tuple("container", ScannerStatus.OK, 1));
      assertThat(result.getFindingsList()).extracting(f -> f.getFinding().getScanner())
          .containsExactly("sca", "container", "sast");
      assertThat(result.getFindingsList()).extracting(EvaluatedFinding::getRiskScore)
          .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
      assertThat(result.getFindingsList().get(2).getFinding().getLocation().getPath()).isEqualTo("src/App.java");

      var request = fx.gate.requests.get(0);
      assertThat(request.getScanId()).isEqualTo(result.getScanId());
      assertThat(request.getContext().getProject()).isEqualTo("acme/app");
      assertThat(request.getFindingsCount()).isEqualTo(3);
      assertThat(request.getRepoPolicy()).isEqualTo("failOn: high\n");
      assertThat(request.getRepoPolicyPath()).isEqualTo(".bulwark.yaml");
    }
  }

  @Test
  void watchStreamsStartedAndFinishedPerScannerThenTheResultAndReplaysToLateWatchers() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), threeScanners())) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      var live = fx.watch(id);
      var late = fx.watch(id); // the scan is over: everything is replayed

      for (var updates : List.of(live, late)) {
        assertThat(updates).hasSize(7);
        assertThat(updates.get(6).hasResult()).isTrue();
        var progress = updates.subList(0, 6).stream().map(ScanUpdate::getProgress).toList();
        assertThat(progress).filteredOn(p -> p.getPhase().equals("started")).extracting(ScannerProgress::getScanner)
            .containsExactlyInAnyOrder("sast", "sca", "container");
        assertThat(progress).filteredOn(p -> p.getPhase().equals("finished"))
            .extracting(ScannerProgress::getScanner, ScannerProgress::getFindings)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("sast", 1),
                org.assertj.core.groups.Tuple.tuple("sca", 1), org.assertj.core.groups.Tuple.tuple("container", 0));
      }
      assertThat(late).isEqualTo(live);
      assertThat(fx.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build()))
          .isEqualTo(live.get(6).getResult());
    }
  }

  @Test
  void aWatcherJoiningMidScanGetsTheEventsSoFarThenTheRest() throws Exception {
    var slowSast = new StallingEngine("sast", "TODO");
    var spec = threeScanners().scanner("sast", slowSast);
    try (var fx = new GatewayFixture(tmp.resolve("work"), spec)) {
      String id = fx.gateway().startScan(GatewayFixture.request(fx.upload(tree), 60)).getScanId();
      assertThat(slowSast.stalled.await(10, TimeUnit.SECONDS)).isTrue();
      var running = fx.gateway().getScan(GetScanRequest.newBuilder().setScanId(id).build());
      assertThat(running.getState()).isEqualTo(ScanState.RUNNING);
      assertThat(running.hasDecision()).isFalse();

      var watching = CompletableFuture.supplyAsync(() -> fx.watch(id));
      Thread.sleep(200);
      slowSast.release.countDown();
      var updates = watching.get(30, TimeUnit.SECONDS);

      assertThat(updates.stream().filter(ScanUpdate::hasProgress).map(u -> u.getProgress().getPhase()))
          .containsExactlyInAnyOrder("started", "started", "started", "finished", "finished", "finished");
      assertThat(updates.get(updates.size() - 1).getResult().getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
    }
  }

  @Test
  void theTreesBulwarkPolicyYamlWinsOverTheLegacyNameAndItsIgnoreFileIsSentToo() throws Exception {
    Files.createDirectories(tree.resolve(".bulwark"));
    Files.writeString(tree.resolve(".bulwark/policy.yaml"), "failOn: {severity: MEDIUM}\n");
    String ignore = "suppressions:\n  - rule: evil-dep\n    reason: fixture\n    expires: 2026-12-31\n";
    Files.writeString(tree.resolve(".bulwarkignore.yaml"), ignore);
    Files.writeString(tree.resolve("src/.bulwarkignore.yaml"), "not: the root one\n");
    try (var fx = new GatewayFixture(tmp.resolve("work"), threeScanners())) {
      fx.scan(fx.upload(tree), 60);
      var sent = fx.gate.requests.get(0);
      assertThat(sent.getRepoPolicy()).isEqualTo("failOn: {severity: MEDIUM}\n");
      assertThat(sent.getRepoPolicyPath()).isEqualTo(".bulwark/policy.yaml");
      assertThat(sent.getRepoIgnore()).isEqualTo(ignore);
      assertThat(sent.getRepoIgnorePath()).isEqualTo(".bulwarkignore.yaml");
    }
  }

  @Test
  void withoutAnIgnoreFileTheRequestCarriesNone() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), threeScanners())) {
      fx.scan(fx.upload(tree), 60);
      assertThat(fx.gate.requests.get(0).getRepoIgnore()).isEmpty();
      assertThat(fx.gate.requests.get(0).getRepoIgnorePath()).isEmpty();
    }
  }

  @Test
  void aPolicyInTheRequestOverridesTheTreesBulwarkYaml() throws Exception {
    try (var fx = new GatewayFixture(tmp.resolve("work"), threeScanners())) {
      var request = GatewayFixture.request(fx.upload(tree), 60).toBuilder().setPolicy("failOn: critical\n").build();
      var id = fx.gateway().startScan(request).getScanId();
      fx.watch(id);
      assertThat(fx.gate.requests.get(0).getRepoPolicy()).isEqualTo("failOn: critical\n");
      assertThat(fx.gate.requests.get(0).getRepoPolicyPath()).isEqualTo("StartScanRequest.policy");
    }
  }
}
