package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.CountingResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCA engine with a results cache, over real gRPC and a real advisory store: a rescan replays
 * each manifest's packages and matches without parsing or reading the advisories, a change
 * re-analyses the manifest and those that read it (a parent pom, a {@code -r} file), an
 * advisory update re-matches without re-parsing, and every scan reports what a scan without the
 * cache reports.
 */
@DisplayName("SCA results cache")
class ScaResultsCacheTest {
  @TempDir
  Path tmp;
  Path tree;
  Path data;
  CountingResultStore results;

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("requirements.txt"), "-r requirements-base.txt\nrequests==2.19.0\n");
    Files.writeString(tree.resolve("requirements-base.txt"), "PyYAML==5.3\n");
    Files.writeString(tree.resolve("pom.xml"), parentPom("2.14.1"));
    Files.createDirectories(tree.resolve("svc"));
    Files.writeString(tree.resolve("svc/pom.xml"), """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>1</version></parent>
          <artifactId>svc</artifactId>
          <dependencies>
            <dependency>
              <groupId>org.apache.logging.log4j</groupId>
              <artifactId>log4j-core</artifactId>
              <version>${log4j.version}</version>
            </dependency>
          </dependencies>
        </project>
        """);
    Files.createDirectories(tree.resolve("lib"));
    try (var jar = new java.util.zip.ZipOutputStream(Files.newOutputStream(tree.resolve("lib/logging.jar")))) {
      jar.putNextEntry(new java.util.zip.ZipEntry("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"));
      jar.write("groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.0\n".getBytes());
      jar.closeEntry();
    }
    Files.createDirectories(tree.resolve("web"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("web/package-lock.json"), tree.resolve("web/package-lock.json"));
    data = tmp.resolve("data");
    ScaEngine.create(Optional.of(advisories("npm.zip", "PyPI.zip", "Maven.zip")), data);
    results = new CountingResultStore(new DiskResultStore(tmp.resolve("results"), 1 << 22));
  }

  static String parentPom(String log4j) {
    return """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId><artifactId>parent</artifactId><version>1</version>
          <packaging>pom</packaging>
          <properties><log4j.version>%s</log4j.version></properties>
        </project>
        """.formatted(log4j);
  }

  /** A folder with these OSV exports of the shared fixtures. */
  Path advisories(String... zips) throws Exception {
    return SharedFixtures.osvExports(tmp, zips);
  }

  /** A scan through a new engine over the advisory store (nothing in memory from earlier scans). */
  ScannerHarness.Result scan(ResultStore store) throws Exception {
    var engine = ScaEngine.create(Optional.empty(), data);
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()), store)) {
      return harness.scan(tree);
    }
  }

  /** What a scan without the cache reports for the tree and the store as they are now. */
  ScannerHarness.Result cold() throws Exception {
    return scan(ResultStore.NONE);
  }

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(f -> f.getRuleId() + " " + f.getLocation().getPath() + ":"
        + f.getLocation().getStartLine() + " " + f.getPackage().getName() + "@" + f.getPackage().getVersion()).toList();
  }

  static void sameAs(ScannerHarness.Result actual, ScannerHarness.Result expected) {
    assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
    assertThat(actual.summary().getStatus()).isEqualTo(expected.summary().getStatus());
    assertThat(actual.summary().getMessage()).isEqualTo(expected.summary().getMessage());
    assertThat(actual.summary().getFilesScanned()).isEqualTo(expected.summary().getFilesScanned());
  }

  @Test
  @DisplayName("an unchanged tree: every unit replayed, nothing parsed or matched, the advisories never read")
  void unchangedTreeDoesNoAnalysis() throws Exception {
    var first = scan(results);
    var firstCounts = results.reset();
    assertThat(first.findings()).isNotEmpty();
    assertThat(ids(first.findings())).anyMatch(id -> id.contains("log4j-core@2.14.1"))
        .anyMatch(id -> id.contains("PyYAML@5.3") || id.contains("pyyaml@5.3"));
    assertThat(ids(first.findings())).anyMatch(id -> id.contains("lib/logging.jar") && id.contains("log4j-core@2.14.0"));
    assertThat(firstCounts.written()).as("5 manifests parsed and a jar read, the 5 with packages matched").isEqualTo(11);
    sameAs(first, cold());

    // were the advisories read now, the scan would fail: the replay must not need them
    Files.writeString(data.resolve("osv").resolve("npm.jsonl.gz"), "not gzip: reading this fails");
    var again = scan(results);
    var counts = results.reset();

    assertThat(again.summary().getStatus()).isEqualTo(first.summary().getStatus());
    assertThat(counts.lookups()).isEqualTo(11);
    assertThat(counts.found()).as("every unit found").isEqualTo(counts.lookups());
    assertThat(counts.written()).as("nothing analysed again").isZero();
    sameAs(again, first);
  }

  @Test
  @DisplayName("a file read through -r changes: it and the manifest that includes it are analysed again, nothing else")
  void includedRequirementsChange() throws Exception {
    scan(results);
    results.reset();
    Files.writeString(tree.resolve("requirements-base.txt"), "PyYAML==5.4\n");

    var rescan = scan(results);
    var counts = results.reset();

    // the included file's packages are its own (requirements.txt lists them under it): one match
    assertThat(counts.written()).as("both files parsed again, the included one matched again").isEqualTo(3);
    sameAs(rescan, cold());
    assertThat(ids(rescan.findings())).noneMatch(id -> id.contains("5.3"));
  }

  @Test
  @DisplayName("a parent pom changes: the child's packages follow it, as a scan without the cache says")
  void parentPomChange() throws Exception {
    var first = scan(results);
    results.reset();
    assertThat(ids(first.findings())).anyMatch(id -> id.contains("svc/pom.xml") && id.contains("log4j-core@2.14.1"));
    Files.writeString(tree.resolve("pom.xml"), parentPom("2.17.1"));

    var rescan = scan(results);
    var counts = results.reset();

    assertThat(counts.written()).as("the parent and its child parsed again, the child matched again").isEqualTo(3);
    sameAs(rescan, cold());
    assertThat(ids(rescan.findings())).noneMatch(id -> id.contains("log4j-core@2.14.1"));
  }

  @Test
  @DisplayName("an advisory update re-matches every manifest without parsing one again, and reports what a cold scan does")
  void advisoryUpdateRematches() throws Exception {
    Path onlyNpm = tmp.resolve("data-npm");
    ScaEngine.create(Optional.of(advisories("npm.zip")), onlyNpm);
    data = onlyNpm;
    var before = scan(results);
    results.reset();
    assertThat(ids(before.findings())).noneMatch(id -> id.contains("log4j-core"));

    ScaEngine.create(Optional.of(advisories("PyPI.zip", "Maven.zip")), data);
    var after = scan(results);
    var counts = results.reset();

    assertThat(counts.written()).as("the 5 manifests with packages matched again, none parsed").isEqualTo(5);
    sameAs(after, cold());
    assertThat(ids(after.findings())).anyMatch(id -> id.contains("log4j-core@2.14.1"));
  }

  @Test
  @DisplayName("the cache's findings and outcome equal a scan without it, first time too")
  void coldScanWithTheCacheEqualsOneWithout() throws Exception {
    sameAs(scan(results), cold());
    assertThat(cold().summary().getStatus()).isNotEqualTo(ScannerStatus.FAILED);
  }
}
