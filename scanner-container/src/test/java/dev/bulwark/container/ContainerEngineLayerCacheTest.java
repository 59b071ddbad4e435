package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.container.image.ImageAnalyzerTest;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.ImagePackageMatcher;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rescan over the wire reads the layers from the engine's cache and reports the same findings. */
class ContainerEngineLayerCacheTest {
  @TempDir
  Path tmp;

  @Test
  void rescanOfAnUnchangedImageUsesTheLayerCacheAndGivesTheSameFindings() throws Exception {
    ImagePackageMatcher matcher = inventory -> ImagePackageMatcher.Matches.of(inventory.packages().stream()
        .map(p -> Finding.newBuilder().setRuleId("TEST-" + p.name()).setSeverity(Severity.LOW)
            .setDescription("introduced by " + p.layer())
            .setPackage(Package.newBuilder().setEcosystem(p.osvEcosystem()).setName(p.name()).setVersion(p.version())
                .setManifestPath(inventory.imageName()))
            .build())
        .toList());
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK), matcher, ImageLimits.defaults());
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    ScannerHarness.Result cold;
    ScannerHarness.Result warm;
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("h1")))) {
      cold = harness.scan(repo, image);
    }
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("h2")))) {
      warm = harness.scan(repo, image);
    }
    var cache = engine.imageAnalyzer().cache();
    assertThat(cache.hits()).isEqualTo(3);
    assertThat(cache.misses()).isEqualTo(3);
    assertThat(tmp.resolve("work").resolve(ContainerEngine.LAYER_CACHE_DIR)).isDirectory();
    assertThat(cold.findings()).hasSizeGreaterThan(3);
    assertThat(warm.findings()).containsExactlyElementsOf(cold.findings());
    assertThat(warm.summary().getStatus()).isEqualTo(cold.summary().getStatus());
  }
}
