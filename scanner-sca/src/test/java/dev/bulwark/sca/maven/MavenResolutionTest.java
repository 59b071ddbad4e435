package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven projects resolved as Maven resolves them, against a loopback repository: no network. */
class MavenResolutionTest {
  @TempDir
  Path tmp;

  private static Resolution resolve(MavenSettings settings, Map<String, byte[]> tree, String pom) throws Exception {
    try (var resolver = new MavenResolver(settings); var reactor = Reactor.of(tree); var session = resolver.open(reactor)) {
      return session.resolveProject(pom);
    }
  }

  @Test
  @DisplayName("spring-petclinic (parent spring-boot-starter-parent): the artifacts, versions and scopes of mvn dependency:list")
  void springBootProjectAsMavenListsIt() throws Exception {
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      var settings = ResolveOnce.settings(repo.url(), tmp.resolve("cache"), false);
      Resolution r = resolve(settings, Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml");

      assertThat(r.problems()).isEmpty();
      assertThat(MavenFixtures.asList(r)).isEqualTo(MavenFixtures.dependencyList());
      assertThat(r.dependencies()).filteredOn(ResolvedDependency::direct).hasSize(20);
      assertThat(r.dependencies()).filteredOn(d -> d.name().equals("org.springframework:spring-webmvc")).singleElement()
          .satisfies(d -> {
            assertThat(d.path()).containsExactly("org.springframework.boot:spring-boot-starter-web:3.2.1",
                "org.springframework:spring-webmvc:6.1.2");
            assertThat(d.line()).isEqualTo(38); // the <dependency> of spring-boot-starter-web in the pom
          });
    }
  }

  @Test
  @DisplayName("a warm cache resolves the same graph with the repository gone")
  void warmCacheNeedsNoRepository() throws Exception {
    Path cache = tmp.resolve("cache");
    Map<String, String> cold;
    try (var repo = new RepositoryServer(MavenFixtures.central())) {
      cold = MavenFixtures.asList(resolve(ResolveOnce.settings(repo.url(), cache, false),
          Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml"));
      assertThat(repo.served()).isGreaterThan(200);
    }
    Resolution warm = resolve(ResolveOnce.settings("http://127.0.0.1:9/", cache, true),
        Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml");
    assertThat(warm.problems()).isEmpty();
    assertThat(MavenFixtures.asList(warm)).isEqualTo(cold);
  }

  @Test
  @DisplayName("offline with an empty local repository: the parent POM is named as the reason, nothing is guessed")
  void offlineWithoutTheParentNamesIt() throws Exception {
    Resolution r = resolve(ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("cache"), true),
        Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml");

    assertThat(r.modelBuilt()).isFalse();
    assertThat(r.dependencies()).isEmpty();
    assertThat(r.problems()).containsExactly("pom.xml: parent POM org.springframework.boot:spring-boot-starter-parent:3.2.1"
        + " could not be resolved (offline: not in the local repository or Bulwark's cache);"
        + " only dependencies with literal versions are listed");
  }

  @Test
  @DisplayName("the user's local repository is read (never written): offline resolution from it alone")
  void localRepositoryIsReadOnly() throws Exception {
    var settings = new MavenSettings(true, Optional.of(MavenFixtures.central()), tmp.resolve("cache"),
        List.of(MavenSettings.CENTRAL), SettingsXml.none(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
    long before;
    try (var files = Files.walk(MavenFixtures.central())) {
      before = files.count();
    }
    Resolution r = resolve(settings, Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml");

    assertThat(MavenFixtures.asList(r)).isEqualTo(MavenFixtures.dependencyList());
    try (var files = Files.walk(MavenFixtures.central())) {
      assertThat(files.count()).isEqualTo(before);
    }
  }

  @Test
  @DisplayName("a mirror behind credentials from settings.xml, as a company's Nexus or Artifactory")
  void mirrorWithCredentialsFromSettings() throws Exception {
    try (var repo = new RepositoryServer(MavenFixtures.central(), "ci:s3cret")) {
      Path settingsXml = Files.writeString(tmp.resolve("settings.xml"), """
          <settings>
            <mirrors><mirror><id>nexus</id><url>%s</url><mirrorOf>*</mirrorOf></mirror></mirrors>
            <servers><server><id>nexus</id><username>ci</username><password>s3cret</password></server></servers>
          </settings>""".formatted(repo.url()));
      var env = Map.of("HOME", tmp.toString(), "BULWARK_MAVEN_SETTINGS", settingsXml.toString());
      var settings = MavenSettings.fromEnvironment(env, tmp.resolve("cache"), false);
      Resolution r = resolve(settings, Map.of("pom.xml", MavenFixtures.petclinicPom()), "pom.xml");

      assertThat(r.problems()).isEmpty();
      assertThat(r.dependencies()).hasSize(MavenFixtures.dependencyList().size());
    }
  }

  @Test
  @DisplayName("an unreachable repository: the reason says network, and the circuit opens so later scans go offline at once")
  void unreachableRepositoryOpensTheCircuit() throws Exception {
    var settings = ResolveOnce.settings("http://127.0.0.1:9/", tmp.resolve("cache"), false);
    try (var resolver = new MavenResolver(settings);
        var reactor = Reactor.of(Map.of("pom.xml", MavenFixtures.petclinicPom()))) {
      for (int i = 0; i < 2; i++) {
        try (var session = resolver.open(reactor)) {
          assertThat(session.offlineReason()).isEmpty();
          assertThat(session.resolveProject("pom.xml").problems()).singleElement().asString()
              .contains("spring-boot-starter-parent:3.2.1 could not be resolved (network: ");
        }
      }
      try (var session = resolver.open(reactor)) {
        assertThat(session.offlineReason()).contains("circuit open");
        assertThat(session.resolveProject("pom.xml").problems()).singleElement().asString().contains("circuit open");
      }
    }
  }

  @Test
  @DisplayName("a multi-module build: the parent and sibling modules come from the tree, not from a repository")
  void reactorModulesComeFromTheTree() throws Exception {
    var tree = Map.of(
        "pom.xml", """
            <project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>parent</artifactId>
              <version>1.0</version><packaging>pom</packaging><modules><module>a</module><module>b</module></modules>
              <dependencyManagement><dependencies><dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId>
                <version>2.2.224</version></dependency></dependencies></dependencyManagement>
            </project>""".getBytes(),
        "a/pom.xml", """
            <project><modelVersion>4.0.0</modelVersion><parent><groupId>com.example</groupId><artifactId>parent</artifactId>
              <version>1.0</version></parent><artifactId>a</artifactId>
              <dependencies><dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency></dependencies>
            </project>""".getBytes(),
        "b/pom.xml", """
            <project><modelVersion>4.0.0</modelVersion><parent><groupId>com.example</groupId><artifactId>parent</artifactId>
              <version>1.0</version></parent><artifactId>b</artifactId>
              <dependencies><dependency><groupId>com.example</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies>
            </project>""".getBytes());
    var settings = new MavenSettings(true, Optional.of(MavenFixtures.central()), tmp.resolve("cache"),
        List.of(MavenSettings.CENTRAL), SettingsXml.none(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));

    Resolution b = resolve(settings, tree, "b/pom.xml");

    assertThat(b.problems()).isEmpty();
    assertThat(b.dependencies()).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("com.h2database:h2");
      assertThat(d.version()).isEqualTo("2.2.224");
      assertThat(d.path()).containsExactly("com.example:a:1.0", "com.h2database:h2:2.2.224");
    });
  }
}
