package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.v1.Scope;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** package-lock.json, yarn.lock and pnpm-lock.yaml on the tricky shared fixtures. */
class NpmLockfilesTest {
  private final LockfileParser npm = new NpmPackageLockParser();
  private final LockfileParser yarn = new YarnLockParser();
  private final LockfileParser pnpm = new PnpmLockParser();

  private static List<String> ids(ParseResult r) {
    return r.packages().stream().map(p -> p.name() + "@" + p.version()).toList();
  }

  @Test
  @DisplayName("package-lock v1 and v2: aliases report the real package and version")
  void aliasesReportTheRealPackage() {
    for (String fixture : List.of("npm/package-lock/alias.v1.json", "npm/package-lock/alias.v2.json")) {
      assertThat(ids(Trees.parse(npm, fixture))).as(fixture)
          .containsExactlyInAnyOrder("@babel/code-frame@7.0.0", "string-width@5.1.2", "string-width@4.2.0");
    }
    assertThat(Trees.parse(npm, "npm/package-lock/alias.v2.json").packages())
        .filteredOn(p -> p.name().equals("@babel/code-frame")).singleElement()
        .satisfies(p -> assertThat(p.purl()).isEqualTo("pkg:npm/%40babel/code-frame@7.0.0"));
  }

  @Test
  @DisplayName("package-lock: one package at two versions nested under different parents yields both")
  void nestedDuplicatesKeepEachVersion() {
    assertThat(ids(Trees.parse(npm, "npm/package-lock/nested-dependencies-dup.v2.json")))
        .containsExactlyInAnyOrder("supports-color@6.1.0", "supports-color@2.0.0");
    assertThat(ids(Trees.parse(npm, "npm/package-lock/nested-dependencies-dup.v1.json")))
        .contains("supports-color@6.1.0", "supports-color@2.0.0");
  }

  @Test
  @DisplayName("package-lock: dev → DEV, a package needed at runtime anywhere stays RUNTIME, direct from the root")
  void scopesAndDirectness() {
    assertThat(Trees.parse(npm, "npm/package-lock/package-lock_v3_with-same-dev-and-non-dev.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::direct)
        .contains(tuple("fsevents", Scope.DEV, true), tuple("minimist", Scope.RUNTIME, true),
            tuple("mkdirp", Scope.DEV, false));
    assertThat(Trees.parse(npm, "npm/package-lock/same-package-different-groups.v2.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope)
        .containsExactlyInAnyOrder(tuple("ajv", Scope.RUNTIME), tuple("eslint", Scope.DEV), tuple("table", Scope.RUNTIME));
  }

  @Test
  @DisplayName("package-lock: workspace links, file: and git dependencies are not registry packages")
  void localAndGitDependenciesAreLeftOut() {
    assertThat(ids(Trees.parse(npm, "npm/package-lock/package-lock_v3_with_workspace.json")))
        .containsExactlyInAnyOrder("debug@2.6.9", "debug@2.5.2", "ms@0.7.2", "ms@2.0.0");
    assertThat(ids(Trees.parse(npm, "npm/package-lock/files.v2.json"))).noneMatch(id -> id.startsWith("etag"));
    assertThat(ids(Trees.parse(npm, "npm/package-lock/commits.v2.json")))
        .containsExactlyInAnyOrder("ansi-styles@1.0.0", "postcss-calc@7.0.1");
  }

  @Test
  @DisplayName("package-lock v1: direct dependencies come from the package.json beside it; lines are found")
  void v1DirectFromPackageJson() {
    ParseResult r = Trees.parse(npm, Trees.own(), "npm/v1-with-package-json/package-lock.json");

    assertThat(r.packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::direct, InstalledPackage::line)
        .containsExactly(tuple("@types/node", Scope.DEV, true, 6), tuple("left-pad", Scope.RUNTIME, true, 10),
            tuple("wrap", Scope.OPTIONAL, false, 14));
    assertThat(Trees.parse(npm, "npm/package-lock/package-lock_v1.json").packages())
        .allSatisfy(p -> assertThat(p.direct()).isNull());
  }

  @Test
  @DisplayName("yarn v1 and berry: aliases, scoped names, quoted keys, shared entries, workspace roots")
  void yarnEntries() {
    for (String fixture : List.of("npm/yarn/with-aliases.v1.lock", "npm/yarn/with-aliases.v2.lock")) {
      assertThat(ids(Trees.parse(yarn, fixture))).as(fixture).containsExactlyInAnyOrder(
          "ansi-regex@5.0.1", "ansi-regex@6.0.1", "@babel/helper-validator-identifier@7.22.20");
    }
    assertThat(ids(Trees.parse(yarn, "npm/yarn/scoped-packages.v2.lock")))
        .containsExactly("@babel/cli@7.16.8", "@babel/code-frame@7.16.7", "@babel/compat-data@7.16.8");
    assertThat(ids(Trees.parse(yarn, "npm/yarn/with-quotes.v1.lock")))
        .containsExactly("concat-map@0.0.1", "concat-stream@1.6.2");
    assertThat(ids(Trees.parse(yarn, "npm/yarn/multiple-constraints.v1.lock")))
        .containsExactly("domelementtype@1.3.1", "@babel/code-frame@7.12.13");
    assertThat(ids(Trees.parse(yarn, "npm/yarn/exclude-root.v2.lock"))).containsExactly("ansi-regex@6.1.0");
    assertThat(Trees.parse(yarn, "npm/yarn/exclude-root.v2.lock").packages().get(0).line()).isEqualTo(16);
  }

  @Test
  @DisplayName("yarn: direct dependencies and dev scope come from the package.json beside the lockfile")
  void yarnDirectFromPackageJson() {
    assertThat(Trees.parse(yarn, Trees.own(), "yarn/with-package-json/yarn.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope, InstalledPackage::direct)
        .containsExactly(tuple("ansi-regex", "5.0.1", Scope.DEV, true), tuple("ansi-regex", "6.0.1", Scope.RUNTIME, true),
            tuple("@babel/helper-validator-identifier", "7.22.20", Scope.RUNTIME, false));
    assertThat(Trees.parse(yarn, "npm/yarn/yarn_happy.lock").packages()).allSatisfy(p -> assertThat(p.direct()).isNull());
  }

  @Test
  @DisplayName("yarn: git dependencies (git+ssh, GitHub shorthand, #commit=) are left out")
  void yarnGitDependencies() {
    assertThat(ids(Trees.parse(yarn, "npm/yarn/commits.v1.lock"))).containsExactly("minimist@0.0.8");
    assertThat(Trees.parse(yarn, "npm/yarn/commits.v2.lock").packages()).isEmpty();
  }

  @Test
  @DisplayName("pnpm 5.x: peer suffixes are cut at '_', registry host prefixes dropped")
  void pnpmV5Keys() {
    assertThat(ids(Trees.parse(pnpm, "npm/pnpm/peer-dependencies-advanced.yaml")))
        .contains("@typescript-eslint/eslint-plugin@5.13.0", "eslint@8.10.0", "tsutils@3.21.0")
        .allSatisfy(id -> assertThat(id).doesNotContain("_"));
    assertThat(ids(Trees.parse(pnpm, "npm/pnpm/exotic.yaml"))).containsExactlyInAnyOrder(
        "foo@1.0.0", "@foo/bar@1.0.0", "foo@1.1.0", "@foo/bar@1.1.0", "foo@1.2.0", "foo@1.3.0", "foo@1.4.0");
  }

  @Test
  @DisplayName("pnpm 6 and 9: dev, optional and prod scopes (9.x derived from importers and snapshots)")
  void pnpmScopes() {
    for (String fixture : List.of("npm/pnpm/mixed-groups.v6.yaml", "npm/pnpm/mixed-groups.v9.yaml")) {
      assertThat(Trees.parse(pnpm, fixture).packages()).as(fixture)
          .extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::direct)
          .containsExactly(tuple("ansi-regex", Scope.RUNTIME, true), tuple("is-number", Scope.DEV, true),
              tuple("uuid", Scope.OPTIONAL, true));
    }
  }

  @Test
  @DisplayName("pnpm 9: same version with different peers is one package; last YAML document is the lockfile")
  void pnpmV9Specials() {
    assertThat(ids(Trees.parse(pnpm, "npm/pnpm/pnpm-lock_v9_same-vers-diff-peers.yaml"))).containsExactlyInAnyOrder(
        "jest-config@30.0.3", "jest-pnp-resolver@1.2.3", "jest-resolve@27.5.1", "jest-resolve@30.0.2",
        "jest-runner@27.5.1", "jest-runner@30.0.3");
    assertThat(ids(Trees.parse(pnpm, "npm/pnpm/pnpm-lock_v9_multiple_documents.yaml"))).containsExactly("is-number@7.0.0");
  }

  @Test
  @DisplayName("pnpm: registry tarballs stay, git and GitHub tarballs go")
  void pnpmTarballsAndGit() {
    assertThat(Trees.parse(pnpm, "npm/pnpm/tarball.yaml").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
        .containsExactly(tuple("@my-org/my-package", "3.2.3", Scope.DEV));
    assertThat(Trees.parse(pnpm, "npm/pnpm/commits.yaml").packages()).isEmpty();
    assertThat(ids(Trees.parse(pnpm, "npm/pnpm/pnpm-lock_v9.yaml"))).doesNotContain("debug@4.3.5");
  }
}
