package dev.bulwark.cli.report;

import static dev.bulwark.cli.report.ReportSamples.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitLab SAST and dependency scanning reports. GitLab's official schemas are not reachable here, so
 * both are checked against a strict subset written from its documentation (see the schema file).
 */
class GitLabReportTest {
  static JsonSchema schema;
  static JsonNode sast;
  static JsonNode deps;

  @BeforeAll
  static void render() throws Exception {
    schema = SchemaValidation.draft7("report/gitlab-security-report-15.subset.schema.json");
    sast = ReportSamples.renderJson(ReportFormat.GITLAB_SAST);
    deps = ReportSamples.renderJson(ReportFormat.GITLAB_DEPENDENCY_SCANNING);
  }

  static List<JsonNode> vulnerabilities(JsonNode report) {
    return StreamSupport.stream(report.get("vulnerabilities").spliterator(), false).toList();
  }

  static List<String> identifiers(JsonNode vulnerability, String type) {
    return StreamSupport.stream(vulnerability.get("identifiers").spliterator(), false)
        .filter(i -> i.get("type").asText().equals(type)).map(i -> i.get("value").asText()).toList();
  }

  @Test
  void bothReportsPassTheStrictVersion15Rules() {
    assertThat(SchemaValidation.problems(schema, sast)).isEmpty();
    assertThat(SchemaValidation.problems(schema, deps)).isEmpty();
  }

  @Test
  void theStrictRulesAreRealBadTimesSeveritiesAndUnknownFieldsAreRejected() {
    var broken = sast.deepCopy();
    ((ObjectNode) broken.get("scan")).put("start_time", "2026-11-29T04:50:12Z");
    ((ObjectNode) broken.at("/vulnerabilities/0")).put("severity", "CRITICAL");
    ((ObjectNode) broken.at("/vulnerabilities/0/location")).put("startLine", 3);

    assertThat(SchemaValidation.problems(schema, broken)).anyMatch(p -> p.contains("start_time"))
        .anyMatch(p -> p.contains("severity")).anyMatch(p -> p.contains("startLine"));
  }

  @Test
  void theScanBlockNamesAnalyzerScannerTypeTimesAndStatus() {
    var scan = sast.get("scan");
    assertThat(sast.get("version").asText()).startsWith("15.");
    assertThat(scan.get("type").asText()).isEqualTo("sast");
    assertThat(scan.at("/analyzer/id").asText()).isEqualTo("bulwark");
    assertThat(scan.at("/scanner/vendor/name").asText()).isEqualTo("Bulwark");
    assertThat(scan.get("end_time").asText()).isEqualTo("2026-11-29T04:50:12");
    // the slowest scanner (container, 120 s) bounds the start
    assertThat(scan.get("start_time").asText()).isEqualTo("2026-11-29T04:48:12");
    assertThat(scan.get("status").asText()).isEqualTo("success"); // sast itself ran

    assertThat(deps.at("/scan/type").asText()).isEqualTo("dependency_scanning");
    assertThat(deps.at("/scan/status").asText()).isEqualTo("failure"); // container FAILED
    assertThat(deps.at("/scan/messages/0/level").asText()).isEqualTo("fatal");
    assertThat(deps.at("/scan/messages/0/value").asText()).contains("container", "deadline exceeded");
  }

  @Test
  void sastCarriesCodeAndSecretFindingsLocatedByFileAndLinesWithCweIdentifiers() {
    var found = vulnerabilities(sast);
    assertThat(found).extracting(v -> v.get("name").asText())
        .containsExactly("AWS access key committed", "SQL query built from request input"); // by risk
    var sqli = found.get(1);
    assertThat(sqli.get("severity").asText()).isEqualTo("High");
    assertThat(sqli.at("/location/file").asText()).isEqualTo("src/main/java/com/acme/UserDao.java");
    assertThat(sqli.at("/location/start_line").asInt()).isEqualTo(42);
    assertThat(sqli.at("/location/end_line").asInt()).isEqualTo(43);
    assertThat(identifiers(sqli, "cwe")).containsExactly("89");
    assertThat(identifiers(sqli, "bulwark_rule")).containsExactly("java.sqli.tainted-query");
    assertThat(sqli.get("solution").asText()).isEqualTo("use a PreparedStatement");
    assertThat(found.get(0).get("severity").asText()).isEqualTo("Critical");
  }

  @Test
  void dependencyScanningCarriesPackagesWithCveGhsaAndCvssButNotSuppressedOnes() {
    var found = vulnerabilities(deps);
    assertThat(found).hasSize(1); // junit 4.12 is suppressed
    var log4j = found.get(0);
    assertThat(log4j.get("severity").asText()).isEqualTo("Critical");
    assertThat(log4j.at("/location/file").asText()).isEqualTo("pom.xml");
    assertThat(log4j.at("/location/dependency/package/name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(log4j.at("/location/dependency/version").asText()).isEqualTo("2.14.1");
    assertThat(log4j.at("/location/dependency/direct").asBoolean()).isTrue();
    assertThat(identifiers(log4j, "ghsa")).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(identifiers(log4j, "cve")).containsExactly("CVE-2021-44228");
    assertThat(identifiers(log4j, "cwe")).containsExactly("502", "917");
    assertThat(log4j.at("/cvss_vectors/0/vector").asText()).startsWith("CVSS:3.1/AV:N");
    assertThat(log4j.get("solution").asText()).isEqualTo("upgrade to 2.15.0");

    var files = deps.get("dependency_files");
    assertThat(files).hasSize(1);
    assertThat(files.at("/0/path").asText()).isEqualTo("pom.xml");
    assertThat(files.at("/0/package_manager").asText()).isEqualTo("maven");
    assertThat(files.at("/0/dependencies/0/package/name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
  }

  @Test
  void vulnerabilityIdsAreStableAcrossRunsAndDistinct() throws Exception {
    var again = ReportSamples.renderJson(ReportFormat.GITLAB_SAST);
    assertThat(again.at("/vulnerabilities/0/id")).isEqualTo(sast.at("/vulnerabilities/0/id"));
    assertThat(sast.at("/vulnerabilities/0/id")).isNotEqualTo(sast.at("/vulnerabilities/1/id"));
  }

  @Test
  void aSastReportOfAFailedSastScannerSaysFailure() throws Exception {
    var failed = RESULT.toBuilder().setScanners(0, ScannerReport.newBuilder().setScanner("sast")
        .setStatus(ScannerStatus.FAILED).setMessage("crashed")).build();
    var report = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(ReportSamples.render(ReportFormat.GITLAB_SAST, failed));
    assertThat(report.at("/scan/status").asText()).isEqualTo("failure");
    assertThat(SchemaValidation.problems(schema, report)).isEmpty();
  }
}
