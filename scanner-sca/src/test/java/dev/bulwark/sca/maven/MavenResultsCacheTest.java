package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.sca.PackageSource;
import dev.bulwark.sca.ScaEngine;
import dev.bulwark.sca.inventory.MavenBuilds;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.CountingResultStore;
import dev.bulwark.server.testing.ScannerHarness;
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
 * Maven resolutions in the results cache: a complete resolution of released versions is kept
 * under the reactor's poms and the repositories, replayed while they are unchanged (no POM
 * fetched, even with the POM cache emptied), resolved again when a pom changes; an incomplete
 * one (offline, parent missing) is never kept.
 */
@DisplayName("Maven resolutions in the results cache")
class MavenResultsCacheTest {
  @TempDir
  Path tmp;
  Path project;
  CountingResultStore results;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.write(project.resolve("pom.xml"), MavenFixtures.petclinicPom());
    ScaEngine.create(Optional.of(SharedFixtures.osv().resolve("Maven.zip")), tmp.resolve("data"));
    results = new CountingResultStore(new DiskResultStore(tmp.resolve("results"), 1 << 24));
  }

  ScannerHarness.Result scan(MavenSettings settings, ResultStore store) throws Exception {
    try (var resolver = new MavenResolver(settings)) {
      var engine = ScaEngine.create(Optional.empty(), tmp.resolve("data"),
          PackageSource.inventory(List.of(new MavenBuilds(resolver))));
      try (var harness = new ScannerHarness(engine, tmp.resolve("harness-" + System.nanoTime()), store)) {
        return harness.scan(project);
      }
    }
  }

  static void delete(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  static void sameAs(ScannerHarness.Result actual, ScannerHarness.Result expected) {
    assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
    assertThat(actual.summary().getStatus()).isEqualTo(expected.summary().getStatus());
    assertThat(actual.summary().getMessage()).isEqualTo(expected.summary().getMessage());
  }

  @Test
  @DisplayName("an unchanged reactor is not resolved again; a changed pom is, and both equal a scan without the cache")
  void keptWhileThePomsAreUnchanged() throws Exception {
    Path cache = tmp.resolve("pom-cache");
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var settings = ResolveOnce.settings(repo.url(), cache, false);
      var first = scan(settings, results);
      assertThat(first.summary().getStatus()).as(first.summary().getMessage()).isEqualTo(ScannerStatus.OK);
      assertThat(first.findings()).isNotEmpty();
      assertThat(repo.served()).isPositive();
      results.reset();

      delete(cache);
      int served = repo.served();
      var again = scan(settings, results);
      var counts = results.reset();

      assertThat(repo.served()).as("no POM fetched: nothing resolved").isEqualTo(served);
      assertThat(counts.written()).isZero();
      assertThat(counts.found()).isEqualTo(counts.lookups());
      sameAs(again, first);

      Files.writeString(project.resolve("pom.xml"), Files.readString(project.resolve("pom.xml"))
          .replace("</project>", "<!-- edited -->\n</project>"));
      delete(cache);
      var edited = scan(settings, results);
      assertThat(repo.served()).as("resolved again").isGreaterThan(served);
      delete(cache);
      sameAs(edited, scan(settings, ResultStore.NONE));
    }
  }

  @Test
  @DisplayName("a reactor with a module that cannot be resolved: only that module is resolved again")
  void onlyTheIncompleteModuleIsResolvedAgain() throws Exception {
    Files.createDirectories(project.resolve("tool"));
    Files.writeString(project.resolve("tool/pom.xml"), """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.example</groupId><artifactId>unpublished-parent</artifactId><version>1.0</version>
            <relativePath/></parent>
          <artifactId>tool</artifactId>
          <dependencies>
            <dependency><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0</version></dependency>
          </dependencies>
        </project>
        """);
    Path cache = tmp.resolve("pom-cache");
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var settings = ResolveOnce.settings(repo.url(), cache, false);
      var first = scan(settings, results);
      assertThat(first.summary().getMessage()).contains("tool/pom.xml").contains("unpublished-parent");
      results.reset();

      delete(cache);
      int served = repo.served();
      var again = scan(settings, results);

      assertThat(repo.served()).as("the resolvable module not resolved again").isEqualTo(served);
      assertThat(again.summary().getMessage()).contains("unpublished-parent");
      sameAs(again, first);
      delete(cache);
      sameAs(again, scan(settings, ResultStore.NONE));
    }
  }

  @Test
  @DisplayName("an incomplete resolution (offline, parent POM missing) is never kept: the rescan reports the problem again")
  void incompleteResolutionIsNotKept() throws Exception {
    var settings = ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("pom-cache"), true);
    var first = scan(settings, results);
    assertThat(first.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);

    var again = scan(settings, results);

    assertThat(again.summary().getMessage()).contains("spring-boot-starter-parent:3.2.1 could not be resolved");
    sameAs(again, first);
  }
}
