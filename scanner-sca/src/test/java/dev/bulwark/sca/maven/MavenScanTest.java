package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.sca.PackageSource;
import dev.bulwark.sca.ScaEngine;
import dev.bulwark.sca.inventory.Inventory;
import dev.bulwark.sca.inventory.MavenBuilds;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCA scanner over a real Spring Boot project: transitive findings with their path, and an honest DEGRADED. */
class MavenScanTest {
  @TempDir
  Path tmp;

  private ScannerHarness.Result scan(MavenSettings settings) throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.write(project.resolve("pom.xml"), MavenFixtures.petclinicPom());
    try (var resolver = new MavenResolver(settings)) {
      var engine = ScaEngine.create(Optional.of(SharedFixtures.osv().resolve("Maven.zip")), tmp.resolve("data"),
          PackageSource.inventory(List.of(new MavenBuilds(resolver))));
      try (var harness = new ScannerHarness(engine, tmp.resolve("harness"))) {
        return harness.scan(project);
      }
    }
  }

  @Test
  @DisplayName("resolved: findings on transitive packages say so and name the path from the pom's dependency")
  void transitiveFindingsCarryTheirPath() throws Exception {
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var result = scan(ResolveOnce.settings(repo.url(), tmp.resolve("cache"), false));

      assertThat(result.summary().getStatus()).as(result.summary().getMessage()).isEqualTo(ScannerStatus.OK);
      assertThat(result.findings()).filteredOn(f -> !f.getPackage().getDirect()).isNotEmpty().allSatisfy(f -> {
        assertThat(f.getPackage().getDirectKnown()).isTrue();
        assertThat(f.getPackage().getPathList()).hasSizeGreaterThan(1)
            .last().isEqualTo(f.getPackage().getName() + ":" + f.getPackage().getVersion());
        assertThat(f.getDescription()).startsWith("Introduced through " + String.join(" -> ", f.getPackage().getPathList()));
        assertThat(f.getLocation().getPath()).isEqualTo("pom.xml");
        assertThat(f.getLocation().getStartLine()).isPositive();
      });
    }
  }

  @Test
  @DisplayName("offline with an empty local repository: DEGRADED naming the parent POM, literal versions still listed")
  void offlineIsDegradedAndNamesTheParent() throws Exception {
    var result = scan(ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("cache"), true));

    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains(
        "pom.xml: parent POM org.springframework.boot:spring-boot-starter-parent:3.2.1 could not be resolved (offline");

    try (var resolver = new MavenResolver(ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("cache2"), true))) {
      var inventory = Inventory.collect(Map.of("pom.xml", MavenFixtures.petclinicPom()),
          List.of(new MavenBuilds(resolver)));
      assertThat(inventory.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
          .contains(org.assertj.core.groups.Tuple.tuple("org.webjars.npm:bootstrap", "5.3.2", Scope.RUNTIME),
              org.assertj.core.groups.Tuple.tuple("org.webjars.npm:font-awesome", "4.7.0", Scope.RUNTIME));
      assertThat(inventory.problems()).anySatisfy(p -> assertThat(p).contains("spring-boot-starter-parent:3.2.1"));
    }
  }
}
