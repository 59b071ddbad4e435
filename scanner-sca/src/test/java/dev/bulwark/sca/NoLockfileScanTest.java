package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user sees it: a tree with package.json and no lockfile scans DEGRADED, its pins matched at medium confidence. */
class NoLockfileScanTest {

  @Test
  @DisplayName("express's package.json alone: DEGRADED saying no lockfile; qs 6.5.1 found with medium confidence")
  void packageJsonWithoutLockfile(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("app"));
    Files.copy(Path.of("src/test/resources/inventory/manifests/express/package.json"), tree.resolve("package.json"));
    var engine = ScaEngine.create(Optional.of(SharedFixtures.osv().resolve("npm.zip")), tmp.resolve("data"));
    try (var harness = new ScannerHarness(engine, tmp.resolve("harness"))) {
      var result = harness.scan(tree);

      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
      assertThat(result.summary().getMessage()).startsWith("package.json: no lockfile (package-lock.json,")
          .contains("31 exactly pinned dependencies checked with medium confidence; 17 not pinned");
      assertThat(result.findings()).filteredOn(f -> f.getPackage().getName().equals("qs")).isNotEmpty()
          .allSatisfy(f -> {
            assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_MEDIUM);
            assertThat(f.getLocation().getStartLine()).isEqualTo(50);
          });
    }
  }
}
