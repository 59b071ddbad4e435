package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A manifest without its lockfile is never silent: pins at medium confidence, the rest named. */
class ManifestsWithoutLockfileTest {
  private static ParseResult parse(LockfileParser parser, String fixture) {
    return Trees.parse(parser, Trees.own(), "manifests/" + fixture);
  }

  @Test
  @DisplayName("package.json (express 4.16.2): 31 exact pins as packages, 17 ranges named, the missing lockfile said")
  void packageJson() {
    ParseResult r = parse(new PackageJsonParser(), "express/package.json");

    assertThat(r.packages()).hasSize(31).allSatisfy(p -> {
      assertThat(p.confidence()).isEqualTo(Confidence.CONFIDENCE_MEDIUM);
      assertThat(p.direct()).isTrue();
    });
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope,
        InstalledPackage::line).contains(tuple("qs", "6.5.1", Scope.RUNTIME, 50), tuple("marked", "0.3.12", Scope.DEV, 70));
    assertThat(r.problems()).containsExactly("manifests/express/package.json: no lockfile (package-lock.json,"
        + " npm-shrinkwrap.json, yarn.lock or pnpm-lock.yaml), so installed and transitive versions are unknown:"
        + " 31 exactly pinned dependencies checked with medium confidence; 17 not pinned, not checked: accepts ~1.3.4,"
        + " content-type ~1.0.4, depd ~1.1.2, encodeurl ~1.0.2, escape-html ~1.0.3, etag ~1.8.1, methods ~1.1.2,"
        + " on-finished ~2.3.0, parseurl ~1.3.2, proxy-addr ~2.0.3 and 7 more");
  }

  @Test
  @DisplayName("a lockfile beside the manifest, or above it (a workspace), makes the manifest silent")
  void lockfileBesideOrAboveWins() {
    byte[] manifest = "{\"dependencies\": {\"qs\": \"6.5.1\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] lock = "{\"lockfileVersion\": 3, \"packages\": {}}".getBytes(StandardCharsets.UTF_8);

    var alone = Inventory.collect(Map.of("web/package.json", manifest));
    var beside = Inventory.collect(Map.of("web/package.json", manifest, "web/package-lock.json", lock));
    var above = Inventory.collect(Map.of("packages/web/package.json", manifest, "package-lock.json", lock));

    assertThat(alone.packages()).extracting(InstalledPackage::name).containsExactly("qs");
    assertThat(alone.problems()).singleElement().asString().startsWith("web/package.json: no lockfile");
    assertThat(beside.packages()).isEmpty();
    assertThat(beside.problems()).isEmpty();
    assertThat(above.problems()).isEmpty();
  }

  @Test
  @DisplayName("composer.json: platform requirements are not packages; every constraint is named")
  void composerJson() {
    ParseResult r = parse(new ComposerJsonParser(), "laravel/composer.json");

    assertThat(r.packages()).isEmpty();
    assertThat(r.problems()).singleElement().asString()
        .contains("no lockfile (composer.lock)", "0 exactly pinned", "25 not pinned, not checked: fideloper/proxy ^4.0")
        .doesNotContain("php ");
  }

  @Test
  @DisplayName("Gemfile: blocks and groups are followed; exact pins get the group's scope")
  void gemfile() {
    ParseResult jekyll = parse(new GemfileParser(), "jekyll/Gemfile");
    assertThat(jekyll.packages()).isEmpty();
    assertThat(jekyll.problems()).singleElement().asString().contains("no lockfile (Gemfile.lock)",
        "not pinned, not checked: i18n ~> 1.2.0, rake ~> 13.0, launchy ~> 2.3, pry, pry-byebug");

    String gemfile = """
        source "https://rubygems.org"
        gem "rails", "7.0.4"
        group :development, :test do
          if ENV["CI"]
            gem "rspec", "= 3.12.0"
          end
          gem "pry", "~> 0.14"
        end
        group :test do
          gem "capybara", "3.39.2"
        end
        """;
    ParseResult r = new GemfileParser().parse("Gemfile", gemfile.getBytes(StandardCharsets.UTF_8), p -> java.util.Optional.empty());
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope,
        InstalledPackage::line).containsExactly(tuple("rails", "7.0.4", Scope.RUNTIME, 2),
            tuple("rspec", "3.12.0", Scope.DEV, 5), tuple("capybara", "3.39.2", Scope.TEST, 10));
    assertThat(r.problems()).singleElement().asString().endsWith("1 not pinned, not checked: pry ~> 0.14");
  }

  @Test
  @DisplayName("pyproject.toml: Poetry tables and PEP 621 / PEP 735 lists, python itself left out")
  void pyproject() {
    ParseResult poetry = parse(new PyprojectParser(), "poetry/pyproject.toml");
    assertThat(poetry.packages()).isEmpty();
    assertThat(poetry.problems()).singleElement().asString()
        .contains("25 not pinned, not checked: cleo ^0.6.7, requests ^2.18").doesNotContain("python ");

    ParseResult flask = parse(new PyprojectParser(), "flask/pyproject.toml");
    assertThat(flask.problems()).singleElement().asString()
        .contains("32 not pinned, not checked: blinker >=1.9.0, click >=8.1.3, importlib-metadata >=3.6.0");

    String pinned = """
        [project]
        dependencies = ["requests==2.31.0", "flask[async]==3.0.0 ; python_version >= '3.9'", "click>=8"]
        [project.optional-dependencies]
        s3 = ["boto3===1.28.0"]
        [dependency-groups]
        test = ["pytest==7.4.0"]
        [tool.poetry.group.lint.dependencies]
        ruff = "0.1.5"
        """;
    ParseResult r = new PyprojectParser().parse("pyproject.toml", pinned.getBytes(StandardCharsets.UTF_8), p -> java.util.Optional.empty());
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
        .containsExactlyInAnyOrder(tuple("requests", "2.31.0", Scope.RUNTIME), tuple("flask", "3.0.0", Scope.RUNTIME),
            tuple("boto3", "1.28.0", Scope.OPTIONAL), tuple("pytest", "7.4.0", Scope.TEST), tuple("ruff", "0.1.5", Scope.DEV));
    assertThat(r.problems()).singleElement().asString().endsWith("1 not pinned, not checked: click >=8");
  }

  @Test
  @DisplayName("setup.cfg: install_requires and extras, markers dropped")
  void setupCfg() {
    ParseResult r = parse(new SetupCfgParser(), "pytest/setup.cfg");
    assertThat(r.packages()).isEmpty();
    assertThat(r.problems()).singleElement().asString()
        .contains("15 not pinned, not checked: iniconfig, packaging, pluggy >=1.3.0,<2.0, colorama, exceptiongroup >=1.0.0rc8");

    String cfg = "[options]\ninstall_requires =\n    Django==4.2.7\n    celery>=5\ntests_require = pytest==7.4.0\n";
    ParseResult pinned = new SetupCfgParser().parse("setup.cfg", cfg.getBytes(StandardCharsets.UTF_8), p -> java.util.Optional.empty());
    assertThat(pinned.packages()).extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::line)
        .containsExactly(tuple("Django", Scope.RUNTIME, 3), tuple("pytest", Scope.TEST, 5));
  }
}
