package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.sca.inventory.GradleBuilds;
import dev.bulwark.sca.inventory.Inventory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradle builds: literal coordinates and catalogs, transitives through the Maven resolver. */
class GradleResolutionTest {
  private static final Path GRADLE = Path.of("src/test/resources/inventory/gradle").toAbsolutePath();

  @TempDir
  Path tmp;

  private MavenResolver offline() {
    return new MavenResolver(new MavenSettings(true, Optional.of(MavenFixtures.central()), tmp.resolve("cache"),
        List.of(MavenSettings.CENTRAL), SettingsXml.none(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)));
  }

  @Test
  @DisplayName("build.gradle.kts with a catalog: direct and transitive packages, scopes from configurations, paths")
  void catalogAndBuildFileResolveTransitively() throws Exception {
    var files = Map.of(
        "gradle/libs.versions.toml", """
            [versions]
            log4j = "2.14.1"
            [libraries]
            log4j-core = { module = "org.apache.logging.log4j:log4j-core", version.ref = "log4j" }
            junit = "junit:junit:4.12"
            """.getBytes(StandardCharsets.UTF_8),
        "app/build.gradle.kts", """
            val jacksonVersion = "2.9.8"
            dependencies {
                implementation(libs.log4j.core)
                implementation("com.fasterxml.jackson.core:jackson-databind:$jacksonVersion")
                testImplementation(libs.junit)
                implementation("org.springframework.boot:spring-boot-starter-web")
            }
            """.getBytes(StandardCharsets.UTF_8));
    try (var resolver = offline()) {
      var r = Inventory.collect(files, List.of(new GradleBuilds(resolver)));

      assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope,
          InstalledPackage::direct, InstalledPackage::line).containsExactlyInAnyOrder(
              tuple("org.apache.logging.log4j:log4j-core", "2.14.1", Scope.RUNTIME, true, 3),
              tuple("org.apache.logging.log4j:log4j-api", "2.14.1", Scope.RUNTIME, false, 3),
              tuple("com.fasterxml.jackson.core:jackson-databind", "2.9.8", Scope.RUNTIME, true, 4),
              tuple("com.fasterxml.jackson.core:jackson-annotations", "2.9.0", Scope.RUNTIME, false, 4),
              tuple("com.fasterxml.jackson.core:jackson-core", "2.9.8", Scope.RUNTIME, false, 4),
              tuple("junit:junit", "4.12", Scope.TEST, true, 5),
              tuple("org.hamcrest:hamcrest-core", "1.3", Scope.TEST, false, 5));
      assertThat(r.packages()).allSatisfy(p -> {
        assertThat(p.manifestPath()).isEqualTo("app/build.gradle.kts");
        assertThat(p.confidence()).isEqualTo(Confidence.CONFIDENCE_MEDIUM);
      });
      assertThat(r.packages()).filteredOn(p -> p.name().endsWith("hamcrest-core")).singleElement()
          .satisfies(p -> assertThat(p.path()).containsExactly("junit:junit:4.12", "org.hamcrest:hamcrest-core:1.3"));
      assertThat(r.problems()).singleElement().asString().startsWith("app/build.gradle.kts: no lockfile (gradle.lockfile)")
          .endsWith("1 not pinned, not checked: org.springframework.boot:spring-boot-starter-web (no literal version)");
    }
  }

  @Test
  @DisplayName("spring-petclinic's build.gradle: ext versions are literal, plugin-managed versions are named")
  void petclinicBuildGradle() throws Exception {
    try (var resolver = offline()) {
      var r = Inventory.collect(Map.of("build.gradle", Files.readAllBytes(GRADLE.resolve("petclinic/build.gradle"))),
          List.of(new GradleBuilds(resolver)));

      assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
          .containsExactly(tuple("org.webjars.npm:bootstrap", "5.2.3", 32), tuple("org.webjars.npm:font-awesome", "4.7.0", 33));
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("POM of org.webjars.npm:bootstrap:5.2.3 could not be resolved (offline"));
      assertThat(r.problems()).anySatisfy(p -> assertThat(p)
          .contains("14 not pinned, not checked: org.springframework.boot:spring-boot-starter-cache (no literal version)"));
    }
  }

  @Test
  @DisplayName("sunflower's version catalog: version.ref resolved, a BOM-managed module named; a gradle.lockfile wins")
  void catalogAlone() throws Exception {
    byte[] catalog = Files.readAllBytes(GRADLE.resolve("sunflower/gradle/libs.versions.toml"));
    try (var resolver = offline()) {
      var r = Inventory.collect(Map.of("gradle/libs.versions.toml", catalog), List.of(new GradleBuilds(resolver)));
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("gradle/libs.versions.toml: no lockfile (gradle.lockfile)")
          .contains("20 exactly pinned", "1 not pinned, not checked: androidx.compose.foundation:foundation (no literal version)"));
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("POM of com.google.guava:guava:33.1.0-jre could not be resolved"));

      var locked = Inventory.collect(Map.of("gradle/libs.versions.toml", catalog, "gradle.lockfile",
          "junit:junit:4.13.2=testCompileClasspath\nempty=\n".getBytes(StandardCharsets.UTF_8)), List.of(new GradleBuilds(resolver)));
      assertThat(locked.problems()).isEmpty();
      assertThat(locked.packages()).extracting(InstalledPackage::name).containsExactly("junit:junit");
    }
  }
}
