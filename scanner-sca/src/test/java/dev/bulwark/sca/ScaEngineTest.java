package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaEngineTest {
  @TempDir
  static Path dataDir;
  static ScaEngine engine;
  static List<Finding> findings = new ArrayList<>();
  static dev.bulwark.server.scanner.ScanOutcome outcome;

  @BeforeAll
  static void scanVulnerableApp() throws Exception {
    engine = ScaEngine.create(Optional.of(SharedFixtures.osv()), dataDir,
        ws -> new PackageSource.Packages(VulnerableAppPackages.all(), List.of(), 3));
    outcome = engine.scan(null, findings::add);
  }

  private static List<Finding> about(String name) {
    return findings.stream().filter(f -> f.getPackage().getName().equals(name)).toList();
  }

  private static boolean reported(String name, String id) {
    return about(name).stream().anyMatch(f -> f.getAdvisory().getId().equals(id)
        || f.getAdvisory().getAliasesList().contains(id));
  }

  @ParameterizedTest(name = "{0} reports {1}")
  @DisplayName("every advisory EXPECTED.md lists for vulnerable-app is found under its id or an alias")
  @CsvSource({
      "org.apache.logging.log4j:log4j-core, GHSA-jfh8-c2jp-5v3q",
      "org.apache.logging.log4j:log4j-core, CVE-2021-44228",
      "org.apache.logging.log4j:log4j-core, GHSA-7rjr-3q55-vv33",
      "org.apache.logging.log4j:log4j-core, CVE-2021-45046",
      "com.fasterxml.jackson.core:jackson-databind, GHSA-288c-cq4h-88gq",
      "commons-collections:commons-collections, GHSA-fjq5-5j5f-mvxh",
      "commons-collections:commons-collections, GHSA-6hgm-866r-3cjv",
      "junit:junit, GHSA-269g-pwp5-87pp",
      "lodash, GHSA-p6mc-m468-83gw",
      "lodash, GHSA-35jh-r3h4-6jhm",
      "lodash, GHSA-29mw-wpgm-hmr9",
      "minimist, GHSA-xvch-5gv4-984h",
      "node-fetch, GHSA-w7rc-rwvf-8q5r",
      "node-fetch, GHSA-r683-j2x4-v87g",
      "PyYAML, PYSEC-2021-142",
      "PyYAML, GHSA-8q59-q68h-6hv4",
      "PyYAML, PYSEC-2020-96",
      "requests, PYSEC-2018-28",
      "requests, CVE-2018-18074",
      "requests, PYSEC-2023-74",
      "Jinja2, PYSEC-2019-217",
      "urllib3, PYSEC-2019-132",
      "urllib3, PYSEC-2019-133"})
  void expectedAdvisoriesAreFound(String pkg, String id) {
    assertThat(reported(pkg, id)).as("%s in %s", id, about(pkg).stream()
        .map(f -> f.getAdvisory().getId() + f.getAdvisory().getAliasesList()).toList()).isTrue();
  }

  @Test
  @DisplayName("jackson-databind 2.9.8 has several advisories")
  void jacksonHasSeveral() {
    assertThat(about("com.fasterxml.jackson.core:jackson-databind")).hasSizeGreaterThan(3);
  }

  @Test
  @DisplayName("javax.servlet-api 4.0.1 gives no finding")
  void servletApiIsClean() {
    assertThat(about("javax.servlet:javax.servlet-api")).isEmpty();
  }

  @Test
  @DisplayName("junit keeps its TEST scope and node-fetch its DEV scope")
  void scopesAreKept() {
    assertThat(about("junit:junit")).isNotEmpty().allMatch(f -> f.getPackage().getScope() == Scope.TEST);
    assertThat(about("node-fetch")).isNotEmpty().allMatch(f -> f.getPackage().getScope() == Scope.DEV);
  }

  @Test
  @DisplayName("Log4Shell is one CRITICAL finding with both ids, CVSS 10 and 'upgrade to 2.15.0'")
  void log4ShellFinding() {
    var log4shell = about("org.apache.logging.log4j:log4j-core").stream()
        .filter(f -> f.getRuleId().equals("GHSA-jfh8-c2jp-5v3q")).toList();
    assertThat(log4shell).hasSize(1);
    Finding f = log4shell.get(0);
    assertThat(f.getAdvisory().getAliasesList()).contains("CVE-2021-44228");
    assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.getCvssScore()).isEqualTo(10.0);
    assertThat(f.getCweList()).contains(502);
    assertThat(f.getRemediation()).isEqualTo("upgrade to 2.15.0");
    assertThat(f.getPackage().getFixedVersionsList().get(0)).isEqualTo("2.15.0");
    assertThat(f.getLocation().getPath()).isEqualTo("pom.xml");
    assertThat(f.getLocation().getStartLine()).isEqualTo(30);
    assertThat(f.getAnalyzer()).isEqualTo("osv-matcher@1");
  }

  @Test
  @DisplayName("a PYSEC record and the GHSA it names as alias become one finding")
  void aliasesMergeIntoOneFinding() {
    var pyyaml = about("PyYAML").stream().filter(f -> f.getRuleId().equals("PYSEC-2021-142")
        || f.getAdvisory().getAliasesList().contains("PYSEC-2021-142")).toList();
    assertThat(pyyaml).hasSize(1);
    long ids = findings.stream().map(Finding::getRuleId).distinct().count();
    assertThat(ids).isEqualTo(findings.stream().map(f -> f.getPackage().getName() + f.getRuleId()).distinct().count());
  }

  @Test
  @DisplayName("a scan with the database is OK and describe lists one osv:<Ecosystem> database per zip")
  void describeListsEcosystems() {
    assertThat(outcome.status()).isEqualTo(ScannerStatus.OK);
    var names = engine.describe().getDatabasesList().stream().map(d -> d.getName()).toList();
    assertThat(names).contains("osv:Maven", "osv:npm", "osv:PyPI", "osv:Go", "osv:crates.io");
    assertThat(engine.describe().getDatabasesList()).allMatch(d -> d.getRecords() > 0 && !d.getUpdatedAt().isEmpty());
  }

  @Test
  @DisplayName("without advisories every scan is DEGRADED with the 'database missing' message")
  void missingDatabaseDegrades(@TempDir Path empty) throws Exception {
    var bare = ScaEngine.create(Optional.empty(), empty,
        ws -> new PackageSource.Packages(VulnerableAppPackages.all(), List.of(), 3));
    var out = new ArrayList<Finding>();
    var result = bare.scan(null, out::add);
    assertThat(result.status()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.message()).contains(ScaEngine.NO_DATABASE);
    assertThat(out).isEmpty();
  }

  @Test
  @DisplayName("over real gRPC the findings arrive with fingerprints and the scanner name")
  void overTheWire(@TempDir Path work) throws Exception {
    try (var harness = new ScannerHarness(engine, work)) {
      Path tree = Files.createDirectories(work.resolve("tree"));
      Files.writeString(tree.resolve("pom.xml"), "<project/>");
      var result = harness.scan(tree);
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.findings()).hasSameSizeAs(findings)
          .allMatch(f -> f.getScanner().equals("sca") && !f.getFingerprint().isEmpty());
      assertThat(harness.describe().getName()).isEqualTo("sca");
    }
  }
}
