package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.sca.PackageSource;
import dev.bulwark.sca.ScaEngine;
import dev.bulwark.sca.inventory.MavenBuilds;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
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
 * Maven builds in the SCA scanner's whole answers: a complete resolution of released versions is
 * answered again from the cache (no POM fetched); other Maven settings (offline) are another
 * input; an incomplete resolution (offline, parent missing) or a SNAPSHOT never leaves an answer.
 */
@DisplayName("Maven builds in SCA whole answers")
class MavenAnswerCacheTest {
  @TempDir
  Path tmp;
  Path project;
  ResultStore results;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.write(project.resolve("pom.xml"), MavenFixtures.petclinicPom());
    ScaEngine.create(Optional.of(SharedFixtures.osv().resolve("Maven.zip")), tmp.resolve("data"));
    results = new DiskResultStore(tmp.resolve("results"), 1 << 24);
  }

  record Scan(ScannerHarness.Result result, int reused) {}

  Scan scan(MavenSettings settings, ResultStore store) throws Exception {
    try (var resolver = new MavenResolver(settings)) {
      var engine = ScaEngine.create(Optional.empty(), tmp.resolve("data"),
          PackageSource.inventory(List.of(new MavenBuilds(resolver))));
      try (var harness = new ScannerHarness(engine, tmp.resolve("harness-" + System.nanoTime()), store, true)) {
        var result = harness.scan(project);
        return new Scan(result, harness.answersReused());
      }
    }
  }

  @Test
  @DisplayName("a complete resolution is answered again without fetching a POM; offline settings are another input")
  void completeResolutionIsReused() throws Exception {
    Path cache = tmp.resolve("pom-cache");
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var settings = ResolveOnce.settings(repo.url(), cache, false);
      var first = scan(settings, results);
      assertThat(first.result().summary().getStatus()).as(first.result().summary().getMessage())
          .isEqualTo(ScannerStatus.OK);
      MavenResultsCacheTest.delete(cache);
      int served = repo.served();

      var again = scan(settings, results);

      assertThat(again.reused()).isEqualTo(1);
      assertThat(repo.served()).isEqualTo(served);
      assertThat(again.result().findings()).containsExactlyElementsOf(first.result().findings());
      assertThat(again.result().packages()).containsExactlyElementsOf(first.result().packages());

      var offline = scan(ResolveOnce.settings(repo.url(), cache, true), results);
      assertThat(offline.reused()).as("other Maven settings: answered again").isZero();
    }
  }

  @Test
  @DisplayName("an incomplete resolution (offline, parent POM missing) never leaves an answer")
  void incompleteResolutionIsNotKept() throws Exception {
    var settings = ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("pom-cache"), true);
    var first = scan(settings, results);
    assertThat(first.result().summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);

    var again = scan(settings, results);

    assertThat(again.reused()).isZero();
    assertThat(again.result().summary().getMessage()).contains("could not be resolved");
  }

  @Test
  @DisplayName("a SNAPSHOT dependency never leaves an answer")
  void snapshotIsNotKept() throws Exception {
    Files.writeString(project.resolve("pom.xml"), """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId><artifactId>app</artifactId><version>1.0</version>
          <dependencies>
            <dependency><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0-SNAPSHOT</version></dependency>
          </dependencies>
        </project>
        """);
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var settings = ResolveOnce.settings(repo.url(), tmp.resolve("pom-cache"), false);
      scan(settings, results);
      var again = scan(settings, results);
      assertThat(again.reused()).isZero();
    }
  }
}
