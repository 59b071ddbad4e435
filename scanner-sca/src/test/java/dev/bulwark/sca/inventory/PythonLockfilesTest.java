package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.v1.Scope;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** requirements.txt, poetry.lock, Pipfile.lock and uv.lock on the tricky fixtures. */
class PythonLockfilesTest {
  private final LockfileParser pip = new RequirementsTxtParser();

  private static List<String> ids(ParseResult r) {
    return r.packages().stream().map(p -> p.name() + "@" + p.version()).toList();
  }

  @Test
  @DisplayName("requirements: only == and === pins yield packages; ranges, wildcards, URLs and ${VARS} do not")
  void onlyPinnedRequirementsYieldPackages() {
    assertThat(ids(Trees.parse(pip, "pypi/requirements/with_versions.txt"))).containsExactly(
        "nltk@3.2.2", "tabulate@0.7.7", "qwerty@0.1", "hy-phen@1.2", "under_score@1.3", "pkg.dot.name@5.0.0", "yolo@1.0");
    assertThat(ids(Trees.parse(pip, "pypi/requirements/env_var.txt"))).containsExactly("asdf@1.2", "another@1.0");
    assertThat(Trees.parse(pip, "pypi/requirements/invalid.txt").packages()).isEmpty();
  }

  @Test
  @DisplayName("requirements: extras, markers and per-requirement options (--hash, -C) are dropped from the pin")
  void extrasMarkersAndOptions() {
    assertThat(ids(Trees.parse(pip, "pypi/requirements/extras.txt"))).containsExactly("pyjwt@2.1.0", "celery@4.4.7");
    ParseResult options = Trees.parse(pip, "pypi/requirements/per_req_options.txt");
    assertThat(ids(options))
        .contains("foo1@1.0", "foo5@1.0", "foo9@1.0", "foo13@1.0", "foo16-Client@1.0", "foo17--hash@1.0");
    assertThat(options.packages()).extracting(InstalledPackage::name).doesNotContain("foo10", "foo15");
    assertThat(Trees.parse(pip, "pypi/requirements/requirements_hash.txt").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
        .containsExactly(tuple("FooProject", "1.2", 1), tuple("Jinja2", "3.0.0", 4));
  }

  @Test
  @DisplayName("requirements: backslash continuations are joined before comments are stripped, as pip does")
  void lineContinuations() {
    assertThat(Trees.parse(pip, "pypi/pip/line-continuation.txt").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
        .containsExactly(tuple("foo", "1.2.3", 2), tuple("bar", "4.5.6", 9), tuple("baz", "7.8.9", 13),
            tuple("qux", "10.11.12", 17));
  }

  @Test
  @DisplayName("requirements: -r includes are followed once each (cycles end, diamonds are not doubled)")
  void includesCyclesAndDiamonds() {
    ParseResult cyclic = Trees.parse(pip, "pypi/pip/cyclic-r-complex-1.txt");
    assertThat(cyclic.problems()).isEmpty();
    assertThat(cyclic.packages()).extracting(InstalledPackage::version, InstalledPackage::manifestPath)
        .containsExactlyInAnyOrder(tuple("1", "pypi/pip/cyclic-r-complex-1.txt"),
            tuple("2", "pypi/pip/cyclic-r-complex-2.txt"), tuple("3", "pypi/pip/cyclic-r-complex-3.txt"));
    assertThat(Trees.parse(pip, "pypi/requirements/loop.txt").problems()).isEmpty();
    assertThat(ids(Trees.parse(pip, "pypi/pip/duplicate-r-dev.txt")))
        .containsExactlyInAnyOrder("django@0.1.0", "requests@1.2.3", "unittest@1.0.0", "pandas@0.23.4");
  }

  @Test
  @DisplayName("requirements: a missing or remote include is a problem naming file and line; the rest is read")
  void missingIncludesAreProblems() {
    ParseResult bad = Trees.parse(pip, "pypi/pip/with-bad-r-option.txt");
    assertThat(bad.problems()).containsExactly(
        "pypi/pip/with-bad-r-option.txt:3: included file ./does-not-exist.txt not found");
    assertThat(bad.packages()).hasSize(1);
    ParseResult example = Trees.parse(pip, "pypi/requirements/example.txt");
    assertThat(example.problems()).containsExactly("pypi/requirements/example.txt:22: included file constraints.txt not found");
    assertThat(ids(example)).containsExactlyInAnyOrder("docopt@0.6.1", "pandas@2.2.3");
    assertThat(Trees.parse(pip, Trees.own(), "pip/remote/requirements.txt").problems())
        .containsExactly("pip/remote/requirements.txt:1: remote include https://example.com/requirements.txt not followed");
  }

  @Test
  @DisplayName("requirements: a constraints file (-c) pins an unpinned requirement, but adds nothing by itself")
  void constraintsPinUnpinnedRequirements() {
    ParseResult r = Trees.parse(pip, Trees.own(), "pip/constraints/requirements.txt");

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
        .containsExactlyInAnyOrder(tuple("flask", "2.2.5", 4), tuple("requests", "2.31.0", 2));
  }

  @Test
  @DisplayName("requirements: UTF-16LE with BOM is decoded; names keep their spelling, purls are normalised")
  void encodingAndNames() {
    assertThat(ids(Trees.parse(pip, "pypi/requirements/requirements_utf16le.txt"))).containsExactly("attrs@20.3.0");
    assertThat(Trees.parse(pip, "pypi/pip/non-normalized-names.txt").packages())
        .extracting(InstalledPackage::name, InstalledPackage::purl)
        .containsExactly(tuple("zope.interface", "pkg:pypi/zope.interface@5.4.0"), tuple("Pillow", "pkg:pypi/pillow@1.0.0"),
            tuple("Twisted", "pkg:pypi/twisted@20.3.0"));
  }

  @Test
  @DisplayName("poetry.lock: main → RUNTIME (optional → OPTIONAL), other groups → DEV; git sources left out")
  void poetryGroups() {
    assertThat(Trees.parse(new PoetryLockParser(), "pypi/poetry/multiple-packages.v2.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
        .contains(tuple("async-timeout", "5.0.1", Scope.OPTIONAL), tuple("factory-boy", "3.3.1", Scope.DEV),
            tuple("proto-plus", "1.22.0", Scope.RUNTIME), tuple("proto-plus", "1.23.0", Scope.RUNTIME),
            tuple("six", "1.17.0", Scope.RUNTIME), tuple("urllib3", "2.3.0", Scope.DEV));
    assertThat(Trees.parse(new PoetryLockParser(), "pypi/poetry/source-git.lock").packages()).isEmpty();
    assertThat(ids(Trees.parse(new PoetryLockParser(), "pypi/poetry/source-legacy.lock"))).containsExactly("appdirs@1.4.4");
  }

  @Test
  @DisplayName("Pipfile.lock: default → RUNTIME, develop → DEV, '==' dropped; minified JSON works")
  void pipfileSections() {
    assertThat(Trees.parse(new PipfileLockParser(), "pypi/pipenv/multiple-packages.json").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope, InstalledPackage::line)
        .containsExactly(tuple("itsdangerous", "2.1.2", Scope.RUNTIME, 19), tuple("pluggy", "1.0.1", Scope.RUNTIME, 27),
            tuple("markupsafe", "2.1.1", Scope.RUNTIME, 32), tuple("pluggy", "1.0.0", Scope.DEV, 88));
    assertThat(ids(Trees.parse(new PipfileLockParser(), "pypi/pipenv/minified.json"))).containsExactly("markupsafe@2.1.1");
  }

  @Test
  @DisplayName("uv.lock: extras → OPTIONAL, dev groups → DEV, shared with runtime → RUNTIME; project and git left out")
  void uvScopes() {
    assertThat(Trees.parse(new UvLockParser(), Trees.own(), "uv/groups/uv.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope, InstalledPackage::direct)
        .containsExactly(tuple("httpx", Scope.RUNTIME, true), tuple("idna", Scope.RUNTIME, false),
            tuple("pytest", Scope.DEV, true), tuple("pluggy", Scope.DEV, false));
    assertThat(Trees.parse(new UvLockParser(), "pypi/uv/grouped-packages.lock").packages())
        .extracting(InstalledPackage::name, InstalledPackage::scope)
        .contains(tuple("emoji", Scope.RUNTIME), tuple("black", Scope.OPTIONAL), tuple("click", Scope.OPTIONAL));
    assertThat(ids(Trees.parse(new UvLockParser(), "pypi/uv/two-packages.lock")))
        .containsExactly("emoji@2.14.0", "protobuf@4.25.5");
  }
}
