package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shared lockfile fixture, through the parser of its format: how many packages it yields
 * and how many problems it reports. Deliberately broken fixtures must yield a problem naming the
 * file, never an exception. Specific entries are checked in the per-format tests.
 */
class FixtureCatalogTest {
  private static final Map<String, String> ECOSYSTEMS = Map.ofEntries(
      Map.entry("npm-package-lock", "npm"), Map.entry("yarn-lock", "npm"), Map.entry("pnpm-lock", "npm"),
      Map.entry("pip-requirements", "PyPI"), Map.entry("poetry-lock", "PyPI"), Map.entry("pipfile-lock", "PyPI"),
      Map.entry("uv-lock", "PyPI"), Map.entry("go-mod", "Go"), Map.entry("cargo-lock", "crates.io"),
      Map.entry("gemfile-lock", "RubyGems"), Map.entry("composer-lock", "Packagist"), Map.entry("maven-pom", "Maven"),
      Map.entry("gradle-lockfile", "Maven"), Map.entry("gradle-verification-metadata", "Maven"),
      Map.entry("nuget-packages-lock", "NuGet"), Map.entry("pubspec-lock", "Pub"), Map.entry("mix-lock", "Hex"),
      Map.entry("conan-lock", "ConanCenter"));

  static LockfileParser parser(String name) {
    return Inventory.PARSERS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} reads {1}: {2} packages, {3} problems")
  @CsvSource(delimiter = '|', textBlock = """
      npm-package-lock             | npm/package-lock/alias.v1.json                                      |   3 | 0
      npm-package-lock             | npm/package-lock/alias.v2.json                                      |   3 | 0
      npm-package-lock             | npm/package-lock/bundled-dependencies.v3.json                       |   3 | 0
      npm-package-lock             | npm/package-lock/commits.v1.json                                    |   2 | 0
      npm-package-lock             | npm/package-lock/commits.v2.json                                    |   2 | 0
      npm-package-lock             | npm/package-lock/files.v2.json                                      |   2 | 0
      npm-package-lock             | npm/package-lock/in-place-npm.package-lock.json                     | 106 | 0
      npm-package-lock             | npm/package-lock/nested-dependencies-dup.v1.json                    |  39 | 0
      npm-package-lock             | npm/package-lock/nested-dependencies-dup.v2.json                    |   2 | 0
      npm-package-lock             | npm/package-lock/not-json.txt                                       |   0 | 1
      npm-package-lock             | npm/package-lock/package-lock_v1.json                               |  31 | 0
      npm-package-lock             | npm/package-lock/package-lock_v2.json                               |  31 | 0
      npm-package-lock             | npm/package-lock/package-lock_v3.json                               |  31 | 0
      npm-package-lock             | npm/package-lock/package-lock_v3_broken_link.json                   |   0 | 0
      npm-package-lock             | npm/package-lock/package-lock_v3_with-same-dev-and-non-dev.json     |   4 | 0
      npm-package-lock             | npm/package-lock/package-lock_v3_with_workspace.json                |   4 | 0
      npm-package-lock             | npm/package-lock/same-package-different-groups.v2.json              |   3 | 0
      yarn-lock                    | npm/yarn/commits.v1.lock                                            |   1 | 0
      yarn-lock                    | npm/yarn/commits.v2.lock                                            |   0 | 0
      yarn-lock                    | npm/yarn/exclude-root.v2.lock                                       |   1 | 0
      yarn-lock                    | npm/yarn/metadata-only.v2.lock                                      |   0 | 0
      yarn-lock                    | npm/yarn/multiple-constraints.v1.lock                               |   2 | 0
      yarn-lock                    | npm/yarn/scoped-packages.v2.lock                                    |   3 | 0
      yarn-lock                    | npm/yarn/with-aliases.v1.lock                                       |   3 | 0
      yarn-lock                    | npm/yarn/with-aliases.v2.lock                                       |   3 | 0
      yarn-lock                    | npm/yarn/with-quotes.v1.lock                                        |   2 | 0
      yarn-lock                    | npm/yarn/yarn_happy.lock                                            |  18 | 0
      yarn-lock                    | npm/yarn/yarn_v2_deps_with_protocol.lock                            |   2 | 0
      yarn-lock                    | npm/yarn/yarn_v2_happy.lock                                         |  17 | 0
      pnpm-lock                    | npm/pnpm/commits.v9.yaml                                            |   0 | 0
      pnpm-lock                    | npm/pnpm/commits.yaml                                               |   0 | 0
      pnpm-lock                    | npm/pnpm/exotic.yaml                                                |   7 | 0
      pnpm-lock                    | npm/pnpm/mixed-groups.v6.yaml                                       |   3 | 0
      pnpm-lock                    | npm/pnpm/mixed-groups.v9.yaml                                       |   3 | 0
      pnpm-lock                    | npm/pnpm/peer-dependencies-advanced.v9.yaml                         |  13 | 0
      pnpm-lock                    | npm/pnpm/peer-dependencies-advanced.yaml                            |   9 | 0
      pnpm-lock                    | npm/pnpm/pnpm-lock_many.yaml                                        | 134 | 0
      pnpm-lock                    | npm/pnpm/pnpm-lock_v6_with_dev.yaml                                 |  85 | 0
      pnpm-lock                    | npm/pnpm/pnpm-lock_v9.yaml                                          |  17 | 0
      pnpm-lock                    | npm/pnpm/pnpm-lock_v9_multiple_documents.yaml                       |   1 | 0
      pnpm-lock                    | npm/pnpm/pnpm-lock_v9_same-vers-diff-peers.yaml                     |   6 | 0
      pnpm-lock                    | npm/pnpm/tarball.yaml                                               |   1 | 0
      pip-requirements             | pypi/requirements/env_var.txt                                       |   2 | 0
      pip-requirements             | pypi/requirements/example.txt                                       |   2 | 1
      pip-requirements             | pypi/requirements/extras.txt                                        |   2 | 0
      pip-requirements             | pypi/requirements/invalid.txt                                       |   0 | 0
      pip-requirements             | pypi/requirements/loop.txt                                          |   0 | 0
      pip-requirements             | pypi/requirements/multiline_and_comments.txt                        |   2 | 0
      pip-requirements             | pypi/requirements/other-loop.txt                                    |   0 | 0
      pip-requirements             | pypi/requirements/other-requirements.txt                            |   1 | 0
      pip-requirements             | pypi/requirements/per_req_options.txt                               |  15 | 0
      pip-requirements             | pypi/requirements/requirements_hash.txt                             |   2 | 0
      pip-requirements             | pypi/requirements/requirements_utf16le.txt                          |   1 | 0
      pip-requirements             | pypi/requirements/with_versions.txt                                 |   7 | 0
      pip-requirements             | pypi/pip/cyclic-r-complex-1.txt                                     |   3 | 0
      pip-requirements             | pypi/pip/cyclic-r-complex-2.txt                                     |   3 | 0
      pip-requirements             | pypi/pip/cyclic-r-complex-3.txt                                     |   3 | 0
      pip-requirements             | pypi/pip/cyclic-r-self.txt                                          |   2 | 0
      pip-requirements             | pypi/pip/duplicate-r-base.txt                                       |   1 | 0
      pip-requirements             | pypi/pip/duplicate-r-dev.txt                                        |   4 | 0
      pip-requirements             | pypi/pip/duplicate-r-test.txt                                       |   3 | 0
      pip-requirements             | pypi/pip/line-continuation.txt                                      |   4 | 0
      pip-requirements             | pypi/pip/multiple-packages-mixed.txt                                |   3 | 0
      pip-requirements             | pypi/pip/non-normalized-names.txt                                   |   3 | 0
      pip-requirements             | pypi/pip/one-package-constrained.txt                                |   1 | 0
      pip-requirements             | pypi/pip/with-bad-r-option.txt                                      |   1 | 1
      pip-requirements             | pypi/pip/with-multiple-r-options.txt                                |   5 | 0
      poetry-lock                  | pypi/poetry/multiple-packages.v2.lock                               |  11 | 0
      poetry-lock                  | pypi/poetry/poetry_v2_flask.lock                                    |  15 | 0
      poetry-lock                  | pypi/poetry/source-git.lock                                         |   0 | 0
      poetry-lock                  | pypi/poetry/source-legacy.lock                                      |   1 | 0
      pipfile-lock                 | pypi/pipenv/Pipfile_many.lock                                       |  24 | 0
      pipfile-lock                 | pypi/pipenv/minified.json                                           |   1 | 0
      pipfile-lock                 | pypi/pipenv/multiple-packages.json                                  |   4 | 0
      pipfile-lock                 | pypi/pipenv/no-version.json                                         |   0 | 0
      uv-lock                      | pypi/uv/grouped-packages.lock                                       |  14 | 0
      uv-lock                      | pypi/uv/source-git.lock                                             |   0 | 0
      uv-lock                      | pypi/uv/two-packages.lock                                           |   2 | 0
      uv-lock                      | pypi/uv/uv_multiple_roots.lock                                      |   1 | 0
      uv-lock                      | pypi/uv/uv_normal.lock                                              |  20 | 0
      go-mod                       | go/indirect-1.16.mod                                                |   6 | 0
      go-mod                       | go/indirect-1.23.mod                                                |   2 | 0
      go-mod                       | go/indirect-packages.mod                                            |   5 | 0
      go-mod                       | go/osv-scalibr.go.mod                                               | 198 | 0
      go-mod                       | go/replace-different.mod                                            |   2 | 0
      go-mod                       | go/replace-local.mod                                                |   1 | 0
      go-mod                       | go/replace-no-version.mod                                           |   1 | 0
      go-mod                       | go/replace-not-required.mod                                         |   2 | 0
      go-mod                       | go/toolchain-with-suffix.mod                                        |   1 | 0
      cargo-lock                   | crates.io/cargo_mixed.lock                                          |   7 | 0
      cargo-lock                   | crates.io/deprecated-novuln.Cargo.lock                              |  35 | 0
      cargo-lock                   | crates.io/many-packages.lock                                        |   6 | 0
      cargo-lock                   | crates.io/package-with-build-string.lock                            |   1 | 0
      cargo-lock                   | crates.io/real-rust-project.Cargo.lock                              |   2 | 0
      cargo-lock                   | crates.io/two-packages-with-local.lock                              |   1 | 0
      gemfile-lock                 | rubygems/Gemfile_bundler2.lock                                      |   8 | 0
      gemfile-lock                 | rubygems/gems.locked                                                |  24 | 0
      gemfile-lock                 | rubygems/has-git-gem.lock                                           |   3 | 0
      gemfile-lock                 | rubygems/has-local-gem.lock                                         |  29 | 0
      gemfile-lock                 | rubygems/rails.lock                                                 |  46 | 0
      gemfile-lock                 | rubygems/rubocop.lock                                               |  10 | 0
      composer-lock                | packagist/composer_happy.lock                                       |  10 | 0
      composer-lock                | packagist/drupal-packages.json                                      |   4 | 0
      composer-lock                | packagist/duplicate-packages.json                                   |   3 | 0
      composer-lock                | packagist/locks-many-with-insecure.composer.lock                    |   6 | 0
      composer-lock                | packagist/two-packages-alt.json                                     |   2 | 0
      maven-pom                    | maven/pom/encoding.xml                                              |   1 | 0
      maven-pom                    | maven/pom/interpolate-drop.xml                                      |   1 | 0
      maven-pom                    | maven/pom/interpolation.xml                                         |   2 | 1
      maven-pom                    | maven/pom/invalid-syntax.xml                                        |   0 | 1
      maven-pom                    | maven/pom/parent/pom.xml                                            |   1 | 0
      maven-pom                    | maven/pom/plugin-dependency.xml                                     |   1 | 0
      maven-pom                    | maven/pom/profiles.xml                                              |   1 | 0
      maven-pom                    | maven/pom/project-version-from-parent/child/pom.xml                 |   1 | 0
      maven-pom                    | maven/pom/project-version-from-parent/parent/pom.xml                |   0 | 0
      maven-pom                    | maven/pom/project-version-from-parent/top-parent/pom.xml            |   0 | 0
      maven-pom                    | maven/pom/with-dependency-management.xml                            |   2 | 0
      maven-pom                    | maven/pom/with-parent.xml                                           |   3 | 1
      maven-pom                    | maven/pom/zeppelin-server/parent/parent/pom.xml                     |   0 | 0
      maven-pom                    | maven/pom/zeppelin-server/parent/pom.xml                            |   0 | 0
      maven-pom                    | maven/pom/zeppelin-server/pom.xml                                   |  37 | 0
      gradle-lockfile              | maven/gradle-lockfile/5-pkg                                         |   5 | 0
      gradle-lockfile              | maven/gradle-lockfile/happy.lockfile                                |   4 | 0
      gradle-lockfile              | maven/gradle-lockfile/only-comments                                 |   0 | 0
      gradle-lockfile              | maven/gradle-lockfile/with-bad-pkg                                  |   2 | 0
      gradle-verification-metadata | maven/gradle-verification/missing-attribute.xml                     |   0 | 0
      gradle-verification-metadata | maven/gradle-verification/multiple-versions.xml                     |  18 | 0
      gradle-verification-metadata | maven/gradle-verification/odd-versions.xml                          |  28 | 0
      gradle-verification-metadata | maven/gradle-verification/single-quotes.xml                         |   1 | 0
      nuget-packages-lock          | nuget/packages.lock.json                                            |   8 | 0
      nuget-packages-lock          | nuget/packages_lock_legacy.json                                     |   2 | 0
      nuget-packages-lock          | nuget/packages_lock_multi.json                                      |  40 | 0
      nuget-packages-lock          | nuget/two-frameworks-duplicate-packages.v1.json                     |   1 | 0
      nuget-packages-lock          | nuget/two-frameworks-mixed-packages.v1.json                         |   3 | 0
      pubspec-lock                 | pub/happy.lock                                                      |   2 | 0
      pubspec-lock                 | pub/mixed-packages.lock                                             |   4 | 0
      pubspec-lock                 | pub/source-git.lock                                                 |   1 | 0
      pubspec-lock                 | pub/source-path.lock                                                |   0 | 0
      pubspec-lock                 | pub/source-sdk.lock                                                 |   0 | 0
      mix-lock                     | hex/git.lock                                                        |   0 | 0
      mix-lock                     | hex/happy.mix.lock                                                  |   4 | 0
      mix-lock                     | hex/many.lock                                                       |  21 | 0
      conan-lock                   | conan/happy_v1_case2.lock                                           |   2 | 0
      conan-lock                   | conan/happy_v2.lock                                                 |   4 | 0
      conan-lock                   | conan/nested-dependencies.v1.json                                   |   5 | 0
      conan-lock                   | conan/nested-dependencies.v1.revisions.json                         |   5 | 0
      conan-lock                   | conan/nested-dependencies.v2.json                                   |   5 | 0
      conan-lock                   | conan/old-format-0.3.json                                           |   1 | 0
      """)
  void fixtureYieldsExpectedPackagesAndProblems(String parserName, String fixture, int packages, int problems) {
    ParseResult result = Trees.parse(parser(parserName), fixture);

    assertThat(result.packages()).hasSize(packages);
    assertThat(result.problems()).hasSize(problems).allSatisfy(p -> assertThat(p).startsWith(fixture));
    assertThat(result.packages()).allSatisfy(p -> {
      assertThat(p.ecosystem()).isEqualTo(ECOSYSTEMS.get(parserName));
      assertThat(p.name()).isNotBlank();
      assertThat(p.version()).isNotBlank().doesNotContain("${");
      assertThat(p.purl()).startsWith("pkg:").contains("@");
      // requirements files attribute included packages to the file that pins them, old go.mod
      // files the transitive modules to go.sum
      assertThat(Trees.lockfiles().resolve(p.manifestPath())).isRegularFile();
      if (!parserName.equals("pip-requirements") && !parserName.equals("go-mod")) {
        assertThat(p.manifestPath()).isEqualTo(fixture);
      }
      assertThat(p.scope()).isNotNull();
      assertThat(p.line()).isPositive();
    });
    // A second pass gives the same answer: parsers keep no state between files.
    assertThat(Trees.parse(parser(parserName), fixture)).isEqualTo(result);
  }

  @Test
  @DisplayName("the catalogue covers every fixture file (apart from go.sum partners and SOURCES.md)")
  void everyFixtureIsCatalogued() throws Exception {
    String rows = getClass().getDeclaredMethod("fixtureYieldsExpectedPackagesAndProblems",
        String.class, String.class, int.class, int.class).getAnnotation(CsvSource.class).textBlock();
    Set<String> catalogued = Arrays.stream(rows.split("\n")).filter(r -> r.contains("|"))
        .map(r -> r.split("\\|")[1].trim()).collect(Collectors.toSet());
    Path root = Trees.lockfiles();
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> all = files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.endsWith(".sum") && !p.equals("SOURCES.md"))
          .collect(Collectors.toSet());
      assertThat(catalogued).containsExactlyInAnyOrderElementsOf(all);
    }
  }
}
