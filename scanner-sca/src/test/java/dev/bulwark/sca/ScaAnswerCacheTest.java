package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.CountingResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCA scanner's whole answers, over real gRPC, a real advisory store and real lockfiles: an
 * unchanged tree is answered without parsing, matching or reading the advisories; a change in a
 * file no parser reads still is; a lockfile, a file it includes by name, or the advisory database
 * changing answers again, as a scan without any cache would.
 */
@DisplayName("SCA whole answers")
class ScaAnswerCacheTest {
  @TempDir
  Path tmp;
  Path tree;
  Path data;
  CountingResultStore results;
  int reused;

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    // included by a name no parser takes: the answer must still rest on it
    Files.createDirectories(tree.resolve("deps"));
    Files.writeString(tree.resolve("requirements.txt"), "-r deps/base.in\nrequests==2.19.0\n");
    Files.writeString(tree.resolve("deps/base.in"), "PyYAML==5.3\n");
    Files.createDirectories(tree.resolve("web"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("web/package-lock.json"), tree.resolve("web/package-lock.json"));
    Files.createDirectories(tree.resolve("src"));
    Files.writeString(tree.resolve("src/App.java"), "class App {}\n");
    data = tmp.resolve("data");
    ScaEngine.create(Optional.of(advisories("npm.zip", "PyPI.zip")), data);
    results = new CountingResultStore(new DiskResultStore(tmp.resolve("results"), 1 << 22));
  }

  /** A folder with these OSV exports of the shared fixtures. */
  Path advisories(String... zips) throws Exception {
    return SharedFixtures.osvExports(tmp, zips);
  }

  /** A scan by a new engine over the advisory store, whole answers on (as a deployed scanner). */
  ScannerHarness.Result scan(ResultStore store) throws Exception {
    var engine = ScaEngine.create(Optional.empty(), data);
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()), store, true)) {
      var result = harness.scan(tree);
      reused += harness.answersReused();
      return result;
    }
  }

  static void sameAs(ScannerHarness.Result actual, ScannerHarness.Result expected) {
    assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
    assertThat(actual.packages()).containsExactlyElementsOf(expected.packages());
    assertThat(actual.summary().getStatus()).isEqualTo(expected.summary().getStatus());
    assertThat(actual.summary().getMessage()).isEqualTo(expected.summary().getMessage());
    assertThat(actual.summary().getFilesScanned()).isEqualTo(expected.summary().getFilesScanned());
  }

  @Test
  @DisplayName("an unchanged tree: one lookup, nothing parsed or matched, the advisories never read, the same answer")
  void unchangedTreeIsAnsweredWithoutTheEngine() throws Exception {
    var first = scan(results);
    assertThat(first.findings()).isNotEmpty();
    assertThat(first.packages()).isNotEmpty();
    results.reset();
    // were the advisories read now, the scan would fail
    Files.writeString(data.resolve("osv").resolve("npm.jsonl.gz"), "not gzip: reading this fails");

    var again = scan(results);
    var counts = results.reset();

    assertThat(reused).isEqualTo(1);
    assertThat(counts.lookups()).as("the answer only: no per-unit lookup").isEqualTo(1);
    assertThat(counts.found()).isEqualTo(1);
    assertThat(counts.written()).isZero();
    sameAs(again, first);
  }

  @Test
  @DisplayName("files no parser reads changing or added: the answer is reused")
  void irrelevantChangeHits() throws Exception {
    var first = scan(results);
    Files.writeString(tree.resolve("src/App.java"), "class App { int changed; }\n");
    Files.writeString(tree.resolve("README.md"), "new\n");

    var again = scan(results);

    assertThat(reused).isEqualTo(1);
    sameAs(again, first);
    sameAs(again, scan(ResultStore.NONE));
  }

  @Test
  @DisplayName("a file included by name (-r) changing answers again, as a scan without the cache does")
  void includedFileChangeMisses() throws Exception {
    scan(results);
    Files.writeString(tree.resolve("deps/base.in"), "PyYAML==5.4\n");

    var again = scan(results);

    assertThat(reused).isZero();
    assertThat(again.packages()).anyMatch(p -> p.getName().equalsIgnoreCase("pyyaml") && p.getVersion().equals("5.4"));
    sameAs(again, scan(ResultStore.NONE));
  }

  @Test
  @DisplayName("a lockfile changing answers again")
  void lockfileChangeMisses() throws Exception {
    scan(results);
    Files.writeString(tree.resolve("requirements.txt"), "-r deps/base.in\nrequests==2.31.0\n");

    var again = scan(results);

    assertThat(reused).isZero();
    sameAs(again, scan(ResultStore.NONE));
  }

  @Test
  @DisplayName("an advisory database update answers again, with the new advisories")
  void advisoryUpdateMisses() throws Exception {
    scan(results);
    ScaEngine.create(Optional.of(advisories("npm.zip", "PyPI.zip", "Maven.zip")), data);

    var after = scan(results);

    assertThat(reused).isZero();
    sameAs(after, scan(ResultStore.NONE));
  }

  @Test
  @DisplayName("relevant files: lockfiles and manifests, files a build reads, built artifacts; not sources")
  void relevance() throws Exception {
    var engine = ScaEngine.create(Optional.empty(), data);
    assertThat(engine.relevant(file("web/package-lock.json", 0644))).isTrue();
    assertThat(engine.relevant(file("svc/pom.xml", 0644))).isTrue();
    assertThat(engine.relevant(file("lib/logging.jar", 0644))).isTrue();
    assertThat(engine.relevant(file("src/App.java", 0644))).isFalse();
    assertThat(engine.relevant(file("README.md", 0644))).isFalse();
  }

  static FileEntry file(String path, int mode) {
    return FileEntry.newBuilder().setPath(path).setMode(mode)
        .setDigest(Digest.newBuilder().setHash("0".repeat(64)).setSizeBytes(100)).build();
  }
}
