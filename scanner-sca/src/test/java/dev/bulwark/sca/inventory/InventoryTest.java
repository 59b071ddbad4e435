package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Scope;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryTest {

  @Test
  @DisplayName("vulnerable-app: the Maven, npm and pip dependencies with their versions, scopes and lines")
  void vulnerableAppInventory() {
    InventoryResult result = Inventory.collect(Trees.read(SharedFixtures.vulnerableApp()));

    assertThat(result.problems()).isEmpty();
    assertThat(result.packages())
        .extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version,
            InstalledPackage::scope, InstalledPackage::direct, InstalledPackage::manifestPath)
        .containsExactlyInAnyOrder(
            tuple("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", Scope.RUNTIME, true, "pom.xml"),
            tuple("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8", Scope.RUNTIME, true, "pom.xml"),
            tuple("Maven", "commons-collections:commons-collections", "3.2.1", Scope.RUNTIME, true, "pom.xml"),
            tuple("Maven", "javax.servlet:javax.servlet-api", "4.0.1", Scope.PROVIDED, true, "pom.xml"),
            tuple("Maven", "junit:junit", "4.12", Scope.TEST, true, "pom.xml"),
            tuple("npm", "lodash", "4.17.15", Scope.RUNTIME, true, "web/package-lock.json"),
            tuple("npm", "minimist", "1.2.5", Scope.RUNTIME, true, "web/package-lock.json"),
            tuple("npm", "node-fetch", "2.6.0", Scope.DEV, true, "web/package-lock.json"),
            tuple("PyPI", "PyYAML", "5.3", Scope.RUNTIME, true, "scripts/requirements.txt"),
            tuple("PyPI", "requests", "2.19.0", Scope.RUNTIME, true, "scripts/requirements.txt"),
            tuple("PyPI", "Jinja2", "2.10", Scope.RUNTIME, true, "scripts/requirements.txt"),
            tuple("PyPI", "urllib3", "1.24.1", Scope.RUNTIME, true, "scripts/requirements.txt"));
    assertThat(result.packages()).filteredOn(p -> p.name().equals("org.apache.logging.log4j:log4j-core"))
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(17);
          assertThat(p.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        });
    assertThat(result.packages()).filteredOn(p -> p.name().equals("node-fetch"))
        .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(28));
    assertThat(result.packages()).filteredOn(p -> p.name().equals("PyYAML"))
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.purl()).isEqualTo("pkg:pypi/pyyaml@5.3");
        });
  }

  @Test
  @DisplayName("clean-app: collects without problems")
  void cleanAppHasNoProblems() {
    InventoryResult result = Inventory.collect(Trees.read(SharedFixtures.cleanApp()));

    assertThat(result.problems()).isEmpty();
  }

  @Test
  @DisplayName("a broken lockfile becomes a problem naming it, and the other files are still read")
  void brokenFileDoesNotStopTheRest() {
    var files = new LinkedHashMap<String, byte[]>();
    files.put("a/package-lock.json", bytes("{ \"lockfileVersion\": 3, \"packages\": {"));
    files.put("b/Cargo.lock", bytes("[[package]]\nname = \"serde\"\nversion = \"1.0.0\"\n"
        + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n"));
    files.put("README.md", bytes("# not a manifest"));

    InventoryResult result = Inventory.collect(files);

    assertThat(result.problems()).singleElement().asString().startsWith("a/package-lock.json: not valid JSON");
    assertThat(result.packages()).extracting(InstalledPackage::name, InstalledPackage::line)
        .containsExactly(tuple("serde", 2));
  }

  @Test
  @DisplayName("requirements.txt beside poetry.lock is skipped: the lockfile has the installed versions")
  void lockfileWinsOverManifestInTheSameFolder() {
    var files = new LinkedHashMap<String, byte[]>();
    files.put("svc/requirements.txt", bytes("flask==1.0\n"));
    files.put("svc/poetry.lock", bytes("[[package]]\nname = \"flask\"\nversion = \"2.3.2\"\n"));
    files.put("tools/requirements.txt", bytes("black==23.1.0\n"));

    InventoryResult result = Inventory.collect(files);

    assertThat(result.packages()).extracting(InstalledPackage::name, InstalledPackage::version,
        InstalledPackage::manifestPath).containsExactlyInAnyOrder(
            tuple("flask", "2.3.2", "svc/poetry.lock"),
            tuple("black", "23.1.0", "tools/requirements.txt"));
  }

  @Test
  @DisplayName("a requirements file included by another is parsed once: its packages are not doubled")
  void includedFileIsNotCountedTwice() {
    var files = new LinkedHashMap<String, byte[]>();
    files.put("requirements.txt", bytes("-r requirements-base.txt\nflask==2.0.0\n"));
    files.put("requirements-base.txt", bytes("six==1.16.0\n"));

    InventoryResult result = Inventory.collect(files);

    assertThat(result.packages()).extracting(InstalledPackage::name, InstalledPackage::manifestPath)
        .containsExactlyInAnyOrder(tuple("six", "requirements-base.txt"), tuple("flask", "requirements.txt"));
  }

  @ParameterizedTest(name = "{0} is read by {1}")
  @CsvSource(delimiter = '|', textBlock = """
      package-lock.json                            | npm-package-lock
      web/npm-shrinkwrap.json                      | npm-package-lock
      yarn.lock                                    | yarn-lock
      apps/site/pnpm-lock.yaml                     | pnpm-lock
      requirements.txt                             | pip-requirements
      requirements-dev.txt                         | pip-requirements
      requirements/prod.txt                        | pip-requirements
      poetry.lock                                  | poetry-lock
      Pipfile.lock                                 | pipfile-lock
      uv.lock                                      | uv-lock
      go.mod                                       | go-mod
      Cargo.lock                                   | cargo-lock
      Gemfile.lock                                 | gemfile-lock
      gems.locked                                  | gemfile-lock
      composer.lock                                | composer-lock
      pom.xml                                      | maven-pom
      gradle.lockfile                              | gradle-lockfile
      gradle/verification-metadata.xml             | gradle-verification-metadata
      src/MyApp/packages.lock.json                 | nuget-packages-lock
      pubspec.lock                                 | pubspec-lock
      mix.lock                                     | mix-lock
      conan.lock                                   | conan-lock
      """)
  void canonicalFileNamesFindTheirParser(String path, String parser) {
    assertThat(Inventory.parserFor(path)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(parser));
  }

  @ParameterizedTest
  @CsvSource({"node_modules/x/package.json", "node_modules/x/package-lock.json", "notes.txt", "Cargo.toml",
      "target/pom.xml", "vendor/foo/go.mod", "vendor/foo/composer.json"})
  @DisplayName("other files and vendored copies are not selected (manifests without a lockfile are: they say so)")
  void otherFilesAreNotSelected(String path) {
    assertThat(Inventory.parserFor(path)).isEmpty();
  }

  @Test
  @DisplayName("the registry has one parser per format, each with a distinct name and a version")
  void registryNamesAreUniqueAndVersioned() {
    var names = new HashSet<String>();
    assertThat(Inventory.PARSERS).hasSize(27).allSatisfy(p -> {
      assertThat(names.add(p.name())).as("unique name %s", p.name()).isTrue();
      assertThat(p.version()).isNotBlank();
    });
  }

  @Test
  @DisplayName("vulnerable-app: every package's line points at its declaration")
  void linesPointAtDeclarations() throws Exception {
    var files = Trees.read(SharedFixtures.vulnerableApp());
    for (InstalledPackage p : Inventory.collect(files).packages()) {
      String line = new String(files.get(p.manifestPath()), StandardCharsets.UTF_8).split("\n")[p.line() - 1];
      String expected = switch (p.ecosystem()) {
        case "Maven" -> "<dependency>";
        case "npm" -> "node_modules/" + p.name();
        default -> p.name() + "==" + p.version();
      };
      assertThat(line).as(p.name()).contains(expected);
    }
  }

  @Test
  @DisplayName("an empty go.mod yields nothing and no problem; an unclosed pom.xml yields one problem")
  void emptyAndUnclosedFiles() {
    Map<String, byte[]> files = Map.of("go.mod", new byte[0], "pom.xml", bytes("<project><dependencies>"));

    InventoryResult result = Inventory.collect(files);

    assertThat(result.problems()).singleElement().asString().startsWith("pom.xml: not valid XML");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
