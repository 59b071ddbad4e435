package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.v1.Scope;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** go.mod, Cargo.lock, Gemfile.lock, composer.lock, packages.lock.json, pubspec.lock, mix.lock, conan.lock. */
class OtherEcosystemsTest {

  private static List<String> ids(ParseResult r) {
    return r.packages().stream().map(p -> p.name() + "@" + p.version()).toList();
  }

  @Test
  @DisplayName("go.mod: // indirect marks transitive requirements; pseudo-versions and path-major suffixes kept")
  void goIndirect() {
    assertThat(Trees.parse(new GoModParser(), "go/indirect-packages.mod").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::direct, InstalledPackage::purl)
        .contains(tuple("gopkg.in/yaml.v2", "v2.4.0", true, "pkg:golang/gopkg.in/yaml.v2@v2.4.0"),
            tuple("golang.org/x/sys", "v0.0.0-20210630005230-0f9fa26af87c", false,
                "pkg:golang/golang.org/x/sys@v0.0.0-20210630005230-0f9fa26af87c"));
  }

  @Test
  @DisplayName("go.mod before 1.17: transitive modules come from go.sum (not /go.mod-only lines); 1.17+ ignores go.sum")
  void goSumForOldModules() {
    assertThat(Trees.parse(new GoModParser(), "go/indirect-1.16.mod").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::direct, InstalledPackage::manifestPath)
        .containsExactly(tuple("github.com/sirupsen/logrus", "v1.9.3", true, "go/indirect-1.16.mod"),
            tuple("github.com/davecgh/go-spew", "v1.1.1", false, "go/indirect-1.16.sum"),
            tuple("github.com/pmezard/go-difflib", "v1.0.0", false, "go/indirect-1.16.sum"),
            tuple("github.com/stretchr/testify", "v1.7.0", false, "go/indirect-1.16.sum"),
            tuple("golang.org/x/sys", "v0.0.0-20220715151400-c0bba94af5f8", false, "go/indirect-1.16.sum"),
            tuple("gopkg.in/yaml.v3", "v3.0.0-20200313102051-9f266ea9e77c", false, "go/indirect-1.16.sum"));
    assertThat(Trees.parse(new GoModParser(), "go/indirect-1.23.mod").packages()).hasSize(2)
        .allSatisfy(p -> assertThat(p.manifestPath()).isEqualTo("go/indirect-1.23.mod"));
  }

  @Test
  @DisplayName("go.mod: replace by version or for all versions, local replacements dropped, unmatched replace ignored")
  void goReplace() {
    LockfileParser go = new GoModParser();
    assertThat(ids(Trees.parse(go, "go/replace-different.mod")))
        .containsExactly("example.com/fork/foe@v1.4.5", "example.com/fork/foe@v1.4.2");
    assertThat(ids(Trees.parse(go, "go/replace-no-version.mod"))).containsExactly("example.com/fork/net@v1.4.5");
    assertThat(ids(Trees.parse(go, "go/replace-local.mod"))).containsExactly("github.com/BurntSushi/toml@v1.0.0");
    assertThat(ids(Trees.parse(go, "go/replace-not-required.mod")))
        .containsExactly("golang.org/x/net@v0.5.6", "github.com/BurntSushi/toml@v1.0.0");
  }

  @Test
  @DisplayName("go.mod: toolchain ignored, stdlib from the go directive only when asked, unknown directives reported")
  void goDirectives() {
    assertThat(ids(Trees.parse(new GoModParser(), "go/toolchain-with-suffix.mod")))
        .containsExactly("github.com/BurntSushi/toml@v1.0.0");
    ParseResult withStdlib = Trees.parse(new GoModParser(true), Trees.own(), "go/stdlib/go.mod");
    assertThat(withStdlib.packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::direct, InstalledPackage::line)
        .containsExactly(tuple("github.com/pkg/errors", "v0.9.0", true, 7), tuple("golang.org/x/text", "v0.14.0", false, 10),
            tuple("example.com/quoted", "v1.0.0", true, 11), tuple("stdlib", "v1.21.4", true, 3));
    assertThat(withStdlib.problems()).containsExactly("go/stdlib/go.mod:18: unknown directive frobnicate");
    assertThat(Trees.parse(new GoModParser(), Trees.own(), "go/stdlib/go.mod").packages())
        .extracting(InstalledPackage::name).doesNotContain("stdlib");
  }

  @Test
  @DisplayName("Cargo.lock: local crates left out but their dependencies direct; build metadata kept and encoded")
  void cargo() {
    assertThat(Trees.parse(new CargoLockParser(), "crates.io/cargo_mixed.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::direct)
        .contains(tuple("libc", "0.2.54", true), tuple("url", "1.7.2", false), tuple("typemap", "0.3.3", false));
    assertThat(Trees.parse(new CargoLockParser(), "crates.io/package-with-build-string.lock").packages())
        .extracting(InstalledPackage::version, InstalledPackage::purl)
        .containsExactly(tuple("0.10.2+wasi-snapshot-preview1", "pkg:cargo/wasi@0.10.2%2Bwasi-snapshot-preview1"));
    assertThat(ids(Trees.parse(new CargoLockParser(), "crates.io/two-packages-with-local.lock")))
        .containsExactly("addr2line@0.15.2");
  }

  @Test
  @DisplayName("Gemfile.lock: GEM specs only (not GIT/PATH, not nested constraints), platform suffix cut, DEPENDENCIES direct")
  void gemfile() {
    LockfileParser gems = new GemfileLockParser();
    assertThat(ids(Trees.parse(gems, "rubygems/has-git-gem.lock")))
        .containsExactly("concurrent-ruby@1.1.7", "rack@2.2.3", "transproc@1.1.1");
    assertThat(Trees.parse(gems, "rubygems/rails.lock").packages()).extracting(InstalledPackage::name, InstalledPackage::version)
        .contains(tuple("nokogiri", "1.13.3"));
    assertThat(Trees.parse(gems, "rubygems/rubocop.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::direct, InstalledPackage::line)
        .contains(tuple("rubocop", true, 11), tuple("ast", false, 4));
  }

  @Test
  @DisplayName("composer.lock: packages-dev → DEV, a package in both sections at one version is RUNTIME")
  void composer() {
    assertThat(Trees.parse(new ComposerLockParser(), "packagist/duplicate-packages.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope, InstalledPackage::purl)
        .containsExactly(tuple("sentry/sdk", "2.0.4", Scope.RUNTIME, "pkg:composer/sentry/sdk@2.0.4"),
            tuple("sentry/sdk", "2.0.5", Scope.RUNTIME, "pkg:composer/sentry/sdk@2.0.5"),
            tuple("sentry/sdk", "3.0.0-dev", Scope.DEV, "pkg:composer/sentry/sdk@3.0.0-dev"));
  }

  @Test
  @DisplayName("packages.lock.json: Direct vs Transitive, Project references left out, frameworks deduplicated")
  void nuget() {
    LockfileParser nuget = new NugetPackagesLockParser();
    assertThat(Trees.parse(nuget, "nuget/packages.lock.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::direct, InstalledPackage::line)
        .startsWith(tuple("Core.Dep", true, 5), tuple("Some.Dep.One", false, 20));
    assertThat(ids(Trees.parse(nuget, "nuget/two-frameworks-duplicate-packages.v1.json"))).containsExactly("Test.Core@6.0.5");
    assertThat(Trees.parse(nuget, "nuget/packages_lock_legacy.json").packages()).hasSize(2)
        .allSatisfy(p -> assertThat(p.direct()).isTrue());
  }

  @Test
  @DisplayName("pubspec.lock: direct main/dev/transitive; git, path and sdk packages left out")
  void pub() {
    LockfileParser pub = new PubspecLockParser();
    assertThat(Trees.parse(pub, "pub/mixed-packages.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::direct)
        .containsExactly(tuple("back_button_interceptor", Scope.RUNTIME, true), tuple("build_runner", Scope.DEV, true),
            tuple("shelf", Scope.RUNTIME, false), tuple("shelf_web_socket", Scope.RUNTIME, false));
    assertThat(ids(Trees.parse(pub, "pub/source-git.lock"))).containsExactly("toggle_switch@1.4.0");
    assertThat(Trees.parse(pub, "pub/source-sdk.lock").packages()).isEmpty();
    assertThat(Trees.parse(pub, "pub/source-path.lock").packages()).isEmpty();
  }

  @Test
  @DisplayName("mix.lock: :hex entries with their lines; :git entries left out")
  void mix() {
    assertThat(Trees.parse(new MixLockParser(), "hex/happy.mix.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
        .containsExactly(tuple("bunt", "0.2.0", 2), tuple("credo", "1.6.6", 3), tuple("file_system", "0.2.10", 4),
            tuple("jason", "1.3.0", 5));
    assertThat(Trees.parse(new MixLockParser(), "hex/git.lock").packages()).isEmpty();
  }

  @Test
  @DisplayName("conan.lock: Conan 2 requires with revisions, Conan 1 refs and 0.3 prefs; the consumer node left out")
  void conan() {
    LockfileParser conan = new ConanLockParser();
    assertThat(ids(Trees.parse(conan, "conan/nested-dependencies.v2.json")))
        .containsExactly("zlib@1.2.13", "libpng@1.6.39", "freetype@2.12.1", "bzip2@1.0.8", "brotli@1.0.9");
    assertThat(ids(Trees.parse(conan, "conan/nested-dependencies.v1.revisions.json")))
        .containsExactlyInAnyOrderElementsOf(ids(Trees.parse(conan, "conan/nested-dependencies.v1.json")))
        .doesNotContain("test@1.0");
    assertThat(Trees.parse(conan, "conan/old-format-0.3.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::purl)
        .containsExactly(tuple("zlib", "1.2.11", "pkg:conan/zlib@1.2.11"));
  }
}
