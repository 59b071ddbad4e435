package dev.bulwark.container;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container engine's configuration checks with a results cache, over real gRPC: a rescan
 * replays every file's findings, a change re-analyses the file and the Terraform files of its
 * module, a base image reaching its end of life re-checks the Dockerfiles, and every scan reports
 * what a scan without the cache reports.
 */
@DisplayName("container results cache")
class ContainerResultsCacheTest {
  static final Clock BEFORE_NODE_14_EOL = Clock.fixed(Instant.parse("2022-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final Clock AFTER_NODE_14_EOL = Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path tmp;
  Path tree;
  CountingResultStore results;

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Path app = SharedFixtures.vulnerableApp();
    Files.copy(app.resolve("Dockerfile"), tree.resolve("Dockerfile"));
    Files.createDirectories(tree.resolve("k8s"));
    Files.copy(app.resolve("deploy/k8s/deployment.yaml"), tree.resolve("k8s/deployment.yaml"));
    Files.writeString(tree.resolve("k8s/pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          hostNetwork: true
          containers:
            - name: shell
              image: busybox:latest
        """);
    Files.createDirectories(tree.resolve("infra"));
    Files.copy(app.resolve("infra/main.tf"), tree.resolve("infra/main.tf"));
    results = new CountingResultStore(new DiskResultStore(tmp.resolve("results"), 1 << 22));
  }

  ScannerHarness.Result scan(ResultStore store, Clock clock) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), Files.createDirectories(tmp.resolve("engine")), clock));
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()), store)) {
      return harness.scan(tree);
    }
  }

  ScannerHarness.Result scan() throws Exception {
    return scan(results, AFTER_NODE_14_EOL);
  }

  /** What a scan without the cache reports for the tree as it is now. */
  ScannerHarness.Result cold(Clock clock) throws Exception {
    return scan(ResultStore.NONE, clock);
  }

  static void sameAs(ScannerHarness.Result actual, ScannerHarness.Result expected) {
    assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
    assertThat(actual.summary().getStatus()).isEqualTo(expected.summary().getStatus());
    assertThat(actual.summary().getMessage()).isEqualTo(expected.summary().getMessage());
    assertThat(actual.summary().getFilesScanned()).isEqualTo(expected.summary().getFilesScanned());
  }

  static List<String> rules(ScannerHarness.Result r, String path) {
    return r.findings().stream().filter(f -> f.getLocation().getPath().equals(path)).map(f -> f.getRuleId()).toList();
  }

  @Test
  @DisplayName("an unchanged tree: every file's findings replayed, nothing analysed")
  void unchangedTreeDoesNoAnalysis() throws Exception {
    var first = scan();
    assertThat(results.reset().written()).isEqualTo(4);
    assertThat(first.findings()).isNotEmpty();
    sameAs(first, cold(AFTER_NODE_14_EOL));

    var again = scan();
    var counts = results.reset();

    assertThat(counts.lookups()).isEqualTo(4);
    assertThat(counts.found()).isEqualTo(4);
    assertThat(counts.written()).as("nothing analysed again").isZero();
    sameAs(again, first);
  }

  @Test
  @DisplayName("one Kubernetes file changes: only it is analysed again")
  void oneFileChange() throws Exception {
    scan();
    results.reset();
    Files.writeString(tree.resolve("k8s/pod.yaml"), Files.readString(tree.resolve("k8s/pod.yaml"))
        .replace("hostNetwork: true", "hostPID: true"));

    var rescan = scan();

    assertThat(results.reset().written()).isEqualTo(1);
    sameAs(rescan, cold(AFTER_NODE_14_EOL));
  }

  @Test
  @DisplayName("a Terraform file added to a module, then changed: the module's other files are checked again with it")
  void terraformModuleSiblings() throws Exception {
    var first = scan();
    results.reset();
    assertThat(rules(first, "infra/main.tf")).isNotEmpty();
    Files.writeString(tree.resolve("infra/encryption.tf"), """
        resource "aws_s3_bucket_server_side_encryption_configuration" "invoices" {
          bucket = aws_s3_bucket.invoices.id
          rule {
            apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
          }
        }
        """);

    var added = scan();
    assertThat(results.reset().written()).as("the new file and main.tf").isEqualTo(2);
    sameAs(added, cold(AFTER_NODE_14_EOL));
    assertThat(added.findings()).hasSizeLessThan(first.findings().size());

    Files.writeString(tree.resolve("infra/encryption.tf"), "# encryption moved elsewhere\n");
    var changed = scan();
    assertThat(results.reset().written()).as("the changed file and main.tf").isEqualTo(2);
    sameAs(changed, cold(AFTER_NODE_14_EOL));
    assertThat(changed.findings()).hasSameSizeAs(first.findings());
  }

  @Test
  @DisplayName("a base image reaching its end of life: the Dockerfile is checked again, the other files are not")
  void endOfLifeDayRechecksDockerfiles() throws Exception {
    var before = scan(results, BEFORE_NODE_14_EOL);
    results.reset();
    assertThat(rules(before, "Dockerfile")).doesNotContain("bulwark.dockerfile.base-image-eol");

    var after = scan(results, AFTER_NODE_14_EOL);

    assertThat(results.reset().written()).isEqualTo(1);
    assertThat(rules(after, "Dockerfile")).contains("bulwark.dockerfile.base-image-eol");
    sameAs(after, cold(AFTER_NODE_14_EOL));
  }

  @Test
  @DisplayName("a file that is not UTF-8 is reported the same from the cache")
  void binaryConfigFile() throws Exception {
    Files.write(tree.resolve("k8s/blob.yaml"), new byte[] {'k', 'i', 'n', 'd', ':', (byte) 0xff, (byte) 0xfe, 0});
    var first = scan();
    results.reset();
    assertThat(first.summary().getMessage()).contains("k8s/blob.yaml: not UTF-8 text");

    var again = scan();

    assertThat(results.reset().written()).isZero();
    sameAs(again, first);
    sameAs(again, cold(AFTER_NODE_14_EOL));
  }
}
