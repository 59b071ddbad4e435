package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisory records are read at the first package to look up, not at every scan: a tree
 * without packages (an empty folder, a pre-commit check) never pays for reading them. Shown with
 * a store whose npm records file is unreadable after the import: only a scan that needs it fails.
 */
class LazyAdvisoryReadTest {

  private static ScaEngine engineOverUnreadableRecords(Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    var engine = ScaEngine.create(Optional.of(SharedFixtures.osv().resolve("npm.zip")), data);
    Files.writeString(data.resolve("osv").resolve("npm.jsonl.gz"), "not gzip: reading this fails");
    return engine;
  }

  @Test
  @DisplayName("an empty tree scans OK without reading the advisory records")
  void emptyTreeNeverReadsTheRecords(@TempDir Path tmp) throws Exception {
    var engine = engineOverUnreadableRecords(tmp);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    try (var harness = new ScannerHarness(engine, tmp.resolve("harness"))) {
      var result = harness.scan(empty);

      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.findings()).isEmpty();
    }
  }

  @Test
  @DisplayName("a tree with an npm lockfile reads them (and so fails on the unreadable file)")
  void treeWithPackagesReadsTheRecords(@TempDir Path tmp) throws Exception {
    var engine = engineOverUnreadableRecords(tmp);
    Path tree = Files.createDirectories(tmp.resolve("app"));
    Files.copy(Path.of("src/test/resources/inventory/npm/v1-with-package-json/package-lock.json"),
        tree.resolve("package-lock.json"));
    try (var harness = new ScannerHarness(engine, tmp.resolve("harness"))) {
      var result = harness.scan(tree);

      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.FAILED);
    }
  }
}
