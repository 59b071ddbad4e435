package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest entries of the git history, over real gRPC: only the secrets analyzer reads them. */
class SastHistoryTest {
  private static final String KEY = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";
  private static final String OLD_KEY = "ghp_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5";
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final String UNSAFE_YAML = "import yaml\n\ndef load(data):\n    return yaml.load(data)\n";

  @TempDir
  Path tmp;

  /** Uploads the versions (by scanning them once as a tree), then scans the tree plus them as history. */
  private ScannerHarness.Result scanWithHistory(ScannerHarness harness, Path tree, Path versions, boolean withPaths)
      throws Exception {
    harness.scan(versions);
    var manifest = Manifest.newBuilder().addAllFiles(TreePacker.pack(tree, IgnoreRules.NONE).files());
    for (FileEntry v : TreePacker.pack(versions, IgnoreRules.NONE).files()) {
      manifest.addFiles(v.toBuilder().setPath(".bulwark-history/" + v.getDigest().getHash())
          .setHistoryCommit(COMMIT).setHistoryPath(withPaths ? v.getPath() : ""));
    }
    harness.scan(tree); // uploads the tree's blobs
    return harness.scan(ScanTask.newBuilder().setScanId("history").setManifest(manifest).build());
  }

  @Test
  @DisplayName("history versions get only the secrets analyzer; code rules on the tree; a shared secret counts once")
  void historyEntriesAreSecretsOnly() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("settings.py"), UNSAFE_YAML);
    Files.writeString(tree.resolve("app.env"), "GITHUB_TOKEN=" + KEY + "\n");
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(versions.resolve("settings.py"), UNSAFE_YAML + "\nTOKEN = \"" + OLD_KEY + "\"\n");
    Files.writeString(versions.resolve("app.env"), "# before the move\nGITHUB_TOKEN=" + KEY + "\n");

    try (var harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"))) {
      var result = scanWithHistory(harness, tree, versions, true);

      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      List<Finding> findings = result.findings();
      assertThat(findings).extracting(f -> f.getRuleId() + " " + f.getLocation().getPath()).containsExactlyInAnyOrder(
          "py.yaml-unsafe-load settings.py", "secret.github-pat app.env", "secret.github-pat settings.py");
      assertThat(findings).filteredOn(f -> f.getLocation().getPath().equals("settings.py")
              && f.getRuleId().startsWith("secret."))
          .singleElement().extracting(Finding::getTitle).asString().endsWith("in git history (commit 0123456)");
      assertThat(findings).noneMatch(f -> f.getLocation().getPath().startsWith(".bulwark-history/"));
    }
  }

  @Test
  @DisplayName("a history entry without history_path degrades the scan; the tree is still reported")
  void historyEntryWithoutPathIsAProblem() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("ci.env"), "GITHUB_TOKEN=" + OLD_KEY + "\n");
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(versions.resolve("app.env"), "GITHUB_TOKEN=" + KEY + "\n");

    try (var harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"))) {
      var result = scanWithHistory(harness, tree, versions, false);

      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
      assertThat(result.summary().getMessage()).contains("has no history_path");
      assertThat(result.findings()).extracting(f -> f.getLocation().getPath()).containsExactly("ci.env");
    }
  }
}
