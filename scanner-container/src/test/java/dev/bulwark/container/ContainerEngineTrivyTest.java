package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.container.trivy.FakeTrivy;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with fake Trivy executables, over real gRPC. */
class ContainerEngineTrivyTest {
  @TempDir
  Path tmp;

  private ScannerHarness.Result scan(EngineMode mode, Optional<Path> trivy, Duration timeout, Path... images)
      throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(mode, trivy, timeout, tmp.resolve("work"),
        TestResources.CLOCK));
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("harness")))) {
      return harness.scan(SharedFixtures.vulnerableApp(), images);
    }
  }

  private Path fakeImage() throws Exception {
    return dev.bulwark.container.image.ImageAnalyzerTest.debianImage(tmp.resolve("app.tar"));
  }

  @Test
  void bothEnginesMergeDuplicatesAndKeepWhatOnlyTrivyFound() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    var trivy = FakeTrivy.replaying(bin, TestResources.path("trivy/config-report.json"),
        SharedFixtures.shared().resolve("fixtures/trivy/alpine-310.json.golden"));
    var result = scan(EngineMode.BOTH, Optional.of(trivy), Duration.ofMinutes(1), fakeImage());
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    // DS-0002 at Dockerfile:1 came from both engines: reported once, by the native analyzer.
    assertThat(result.findings()).filteredOn(f -> f.getRuleId().equals("DS-0002")).singleElement()
        .extracting(Finding::getAnalyzer).asString().startsWith("dockerfile@");
    assertThat(result.findings()).filteredOn(f -> f.getRuleId().equals("DS-0014")).singleElement()
        .satisfies(f -> assertThat(f.getAnalyzer()).isEqualTo("trivy@0.68.0"));
    assertThat(result.findings()).filteredOn(Finding::hasPackage).hasSize(4)
        .allSatisfy(f -> assertThat(f.getPackage().getManifestPath()).isEqualTo("app.tar"));
    var args = Files.readAllLines(bin.resolve("args.txt"));
    assertThat(args).contains("config", "--format", "json", "--quiet", "image", "--skip-db-update", "--offline-scan");
    assertThat(args).anyMatch(a -> a.startsWith("--input=/") && a.length() > "--input=/".length());
  }

  @Test
  void trivyFailureDegradesTheScanWithItsErrorButKeepsNativeFindings() throws Exception {
    var trivy = FakeTrivy.script(Files.createDirectories(tmp.resolve("bin")),
        "echo '2026-11-29T04:00:00Z FATAL Fatal error: init error: DB error: the first run cannot skip downloading DB' >&2; exit 1");
    var result = scan(EngineMode.BOTH, Optional.of(trivy), Duration.ofMinutes(1));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("trivy config: trivy exited with code 1")
        .contains("cannot skip downloading DB");
    assertThat(result.findings()).extracting(Finding::getRuleId).contains("DS-0002", "KSV-0017", "AVD-AWS-0107");
  }

  @Test
  void garbageOutputIsAnUnreadableReport() throws Exception {
    var trivy = FakeTrivy.script(Files.createDirectories(tmp.resolve("bin")), "echo '<html>503 Service Unavailable'");
    var result = scan(EngineMode.TRIVY, Optional.of(trivy), Duration.ofMinutes(1));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("trivy config: unreadable report");
    assertThat(result.findings()).isEmpty(); // trivy-only mode: no native findings
  }

  @Test
  void hangingTrivyTimesOutAndTheScanStillEnds() throws Exception {
    var trivy = FakeTrivy.script(Files.createDirectories(tmp.resolve("bin")), "sleep 300");
    var result = scan(EngineMode.BOTH, Optional.of(trivy), Duration.ofMillis(500));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("timed out and was killed");
  }

  @Test
  void forcedTrivyWithoutAnExecutableFallsBackToNativeAndSaysSo() throws Exception {
    var result = scan(EngineMode.TRIVY, Optional.empty(), Duration.ofMinutes(1));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("trivy executable not found");
    assertThat(result.findings()).extracting(Finding::getRuleId).contains("DS-0002");
  }

  @Test
  void createWithoutTrivyOnThePathRunsNativeOnly() {
    var engine = ContainerEngine.create(Optional.of(Path.of("/opt/trivy/bin/trivy")));
    assertThat(engine.settings().trivy()).contains(Path.of("/opt/trivy/bin/trivy"));
    assertThat(engine.settings().mode()).isEqualTo(EngineMode.AUTO);
    assertThat(engine.name()).isEqualTo("container");
  }
}
