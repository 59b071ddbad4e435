package dev.bulwark.container;

import static dev.bulwark.container.ContainerResultsCacheTest.AFTER_NODE_14_EOL;
import static dev.bulwark.container.ContainerResultsCacheTest.BEFORE_NODE_14_EOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.CountingResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container scanner's whole answers, over real gRPC and real configuration files: an unchanged
 * tree (or one changed only outside Dockerfiles, manifests and Terraform) is answered without
 * running an analyzer; a Terraform module file, a base image reaching its end of life, or the
 * engine's mode answer again; a scan that reads images is never kept.
 */
@DisplayName("container whole answers")
class ContainerAnswerCacheTest {
  @TempDir
  Path tmp;
  Path tree;
  CountingResultStore results;
  int reused;

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Path app = SharedFixtures.vulnerableApp();
    Files.copy(app.resolve("Dockerfile"), tree.resolve("Dockerfile"));
    Files.createDirectories(tree.resolve("k8s"));
    Files.copy(app.resolve("deploy/k8s/deployment.yaml"), tree.resolve("k8s/deployment.yaml"));
    Files.createDirectories(tree.resolve("infra"));
    Files.copy(app.resolve("infra/main.tf"), tree.resolve("infra/main.tf"));
    Files.createDirectories(tree.resolve("src"));
    Files.writeString(tree.resolve("src/App.java"), "class App {}\n");
    results = new CountingResultStore(new DiskResultStore(tmp.resolve("results"), 1 << 22));
  }

  ScannerHarness.Result scan(ResultStore store, Clock clock, EngineMode mode, Path... images) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(mode, Optional.empty(),
        Duration.ofMinutes(1), Files.createDirectories(tmp.resolve("engine")), clock));
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()), store, true)) {
      var result = harness.scan(tree, images);
      reused += harness.answersReused();
      return result;
    }
  }

  ScannerHarness.Result scan() throws Exception {
    return scan(results, AFTER_NODE_14_EOL, EngineMode.NATIVE);
  }

  @Test
  @DisplayName("an unchanged tree: one lookup, no file analysed, the same answer")
  void unchangedTreeIsAnsweredWithoutTheEngine() throws Exception {
    var first = scan();
    assertThat(first.findings()).isNotEmpty();
    results.reset();

    var again = scan();
    var counts = results.reset();

    assertThat(reused).isEqualTo(1);
    assertThat(counts.lookups()).isEqualTo(1);
    assertThat(counts.written()).isZero();
    ContainerResultsCacheTest.sameAs(again, first);
  }

  @Test
  @DisplayName("a source file changed or added: the answer is reused")
  void irrelevantChangeHits() throws Exception {
    var first = scan();
    Files.writeString(tree.resolve("src/App.java"), "class App { String key = \"AKIAQWERTYUIOPASDFGH\"; }\n");
    Files.writeString(tree.resolve("infra/README.md"), "docs\n");

    var again = scan();

    assertThat(reused).isEqualTo(1);
    ContainerResultsCacheTest.sameAs(again, first);
    ContainerResultsCacheTest.sameAs(again, scan(ResultStore.NONE, AFTER_NODE_14_EOL, EngineMode.NATIVE));
  }

  @Test
  @DisplayName("a Terraform file added to a module answers again, as a scan without the cache does")
  void moduleFileMisses() throws Exception {
    scan();
    Files.writeString(tree.resolve("infra/variables.tf"), """
        variable "bucket_acl" {
          default = "public-read"
        }
        """);

    var again = scan();

    assertThat(reused).isZero();
    ContainerResultsCacheTest.sameAs(again, scan(ResultStore.NONE, AFTER_NODE_14_EOL, EngineMode.NATIVE));
  }

  @Test
  @DisplayName("a base image reaching its end of life (today's date) answers again")
  void endOfLifeMisses() throws Exception {
    var before = scan(results, BEFORE_NODE_14_EOL, EngineMode.NATIVE);
    var after = scan(results, AFTER_NODE_14_EOL, EngineMode.NATIVE);

    assertThat(reused).isZero();
    ContainerResultsCacheTest.sameAs(after, scan(ResultStore.NONE, AFTER_NODE_14_EOL, EngineMode.NATIVE));
    ContainerResultsCacheTest.sameAs(before, scan(ResultStore.NONE, BEFORE_NODE_14_EOL, EngineMode.NATIVE));
  }

  @Test
  @DisplayName("another engine mode (a setting) answers again")
  void modeIsAnInput() throws Exception {
    scan(results, AFTER_NODE_14_EOL, EngineMode.NATIVE);
    scan(results, AFTER_NODE_14_EOL, EngineMode.AUTO);
    assertThat(reused).isZero();
  }

  @Test
  @DisplayName("a scan that reads an image never leaves an answer")
  void imagesAreNotKept() throws Exception {
    Path image = dev.bulwark.container.image.ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    scan(results, AFTER_NODE_14_EOL, EngineMode.NATIVE, image);
    scan(results, AFTER_NODE_14_EOL, EngineMode.NATIVE, image);
    assertThat(reused).isZero();
  }

  @Test
  @DisplayName("relevant files: what a configuration analyzer reads")
  void relevance() throws Exception {
    var engine = ContainerEngine.create(Optional.empty());
    assertThat(engine.relevant(ScaLikeFiles.entry("Dockerfile"))).isTrue();
    assertThat(engine.relevant(ScaLikeFiles.entry("deploy/app.yaml"))).isTrue();
    assertThat(engine.relevant(ScaLikeFiles.entry("infra/vars.tf"))).isTrue();
    assertThat(engine.relevant(ScaLikeFiles.entry("src/App.java"))).isFalse();
  }

  /** File entries for the relevance table. */
  static final class ScaLikeFiles {
    static dev.bulwark.v1.FileEntry entry(String path) {
      return dev.bulwark.v1.FileEntry.newBuilder().setPath(path)
          .setDigest(dev.bulwark.v1.Digest.newBuilder().setHash("0".repeat(64)).setSizeBytes(10)).build();
    }
  }
}
