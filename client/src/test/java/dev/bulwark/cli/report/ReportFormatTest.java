package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  static final Finding SQLI = Finding.newBuilder().setScanner("sast").setRuleId("java.sqli.tainted-query")
      .setTitle("SQL built from request input").setSeverity(Severity.HIGH).addCwe(89).setFingerprint("fp-sqli")
      .setLocation(Location.newBuilder().setPath("src/main/java/App.java").setStartLine(42).setEndLine(43))
      .build();
  static final Finding LODASH = Finding.newBuilder().setScanner("sca").setRuleId("GHSA-jf85-cpcp-j695")
      .setTitle("Prototype pollution in lodash").setSeverity(Severity.CRITICAL).setCvssScore(9.1)
      .setFingerprint("fp-lodash")
      .setPackage(Package.newBuilder().setEcosystem("npm").setName("lodash").setVersion("4.17.15")
          .setScope(Scope.RUNTIME).setDirect(true).setDirectKnown(true).addFixedVersions("4.17.21")
          .setManifestPath("web/package-lock.json"))
      .setAdvisory(Advisory.newBuilder().setId("GHSA-jf85-cpcp-j695").addAliases("CVE-2019-10744"))
      .build();
  static final ScanResult RESULT = ScanResult.newBuilder().setScanId("scan-1").setState(ScanState.DONE)
      .addScanners(ScannerReport.newBuilder().setScanner("sast").setStatus(ScannerStatus.OK).setFindings(1)
          .setDurationMs(120))
      .addScanners(ScannerReport.newBuilder().setScanner("sca").setStatus(ScannerStatus.DEGRADED).setFindings(1)
          .setMessage("advisory database missing for PyPI"))
      .addScanners(ScannerReport.newBuilder().setScanner("container").setStatus(ScannerStatus.OK))
      .setDecision(Decision.newBuilder().setVerdict(Verdict.FAIL).setRiskScore(95)
          .addReasons("CRITICAL lodash 4.17.15 in runtime scope"))
      // deliberately not in risk order: the reports sort
      .addFindings(EvaluatedFinding.newBuilder().setFinding(SQLI).setRiskScore(70).setStatus(FindingStatus.EXISTING))
      .addFindings(EvaluatedFinding.newBuilder().setFinding(LODASH).setRiskScore(95).setStatus(FindingStatus.NEW))
      .build();

  static JsonNode render(ReportFormat format) throws Exception {
    var out = new StringWriter();
    format.write(RESULT, out);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void jsonIsOneObjectWithDecisionScannersAndFindingsByRiskOmittingAbsentParts() throws Exception {
    var json = render(ReportFormat.JSON);

    assertThat(json.get("scanId").asText()).isEqualTo("scan-1");
    assertThat(json.get("decision").asText()).isEqualTo("FAIL");
    assertThat(json.get("riskScore").asInt()).isEqualTo(95);
    assertThat(json.get("reasons").get(0).asText()).contains("lodash");
    assertThat(json.get("scanners")).hasSize(3);
    var sca = json.get("scanners").get(1);
    assertThat(sca.get("name").asText()).isEqualTo("sca");
    assertThat(sca.get("status").asText()).isEqualTo("DEGRADED");
    assertThat(sca.get("message").asText()).contains("PyPI");
    assertThat(json.get("scanners").get(0).get("durationMs").asLong()).isEqualTo(120);

    var first = json.get("findings").get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("GHSA-jf85-cpcp-j695");
    assertThat(first.get("riskScore").asInt()).isEqualTo(95);
    assertThat(first.get("status").asText()).isEqualTo("NEW");
    assertThat(first.get("package").get("ecosystem").asText()).isEqualTo("npm");
    assertThat(first.get("package").get("scope").asText()).isEqualTo("RUNTIME");
    assertThat(first.get("package").get("direct").asBoolean()).isTrue();
    assertThat(first.get("package").get("fixedVersions").get(0).asText()).isEqualTo("4.17.21");
    assertThat(first.get("advisory").get("aliases").get(0).asText()).isEqualTo("CVE-2019-10744");
    assertThat(first.has("location")).isFalse();

    var second = json.get("findings").get(1);
    assertThat(second.get("scanner").asText()).isEqualTo("sast");
    assertThat(second.get("severity").asText()).isEqualTo("HIGH");
    assertThat(second.get("cwe").get(0).asText()).isEqualTo("CWE-89");
    assertThat(second.get("fingerprint").asText()).isEqualTo("fp-sqli");
    assertThat(second.get("location").get("path").asText()).isEqualTo("src/main/java/App.java");
    assertThat(second.get("location").get("startLine").asInt()).isEqualTo(42);
    assertThat(second.get("location").get("endLine").asInt()).isEqualTo(43);
    assertThat(second.has("package")).isFalse();
    assertThat(second.has("advisory")).isFalse();
  }

  @Test
  void sarifHasRulesWithSecuritySeverityAndResultsWithRelativeLocationsAndFingerprints() throws Exception {
    var sarif = render(ReportFormat.SARIF);

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
    var run = sarif.get("runs").get(0);
    var rules = run.get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).get("id").asText()).isEqualTo("GHSA-jf85-cpcp-j695");
    assertThat(rules.get(0).get("properties").get("security-severity").asText()).isEqualTo("9.1"); // CVSS
    assertThat(rules.get(1).get("properties").get("security-severity").asText()).isEqualTo("8.0"); // HIGH band
    assertThat(rules.get(1).get("properties").get("tags").toString()).contains("external/cwe/cwe-89");

    var results = run.get("results");
    assertThat(results).hasSize(2);
    var lodash = results.get(0);
    assertThat(lodash.get("level").asText()).isEqualTo("error");
    assertThat(lodash.get("ruleIndex").asInt()).isEqualTo(0);
    assertThat(lodash.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo("web/package-lock.json");
    var sqli = results.get(1);
    assertThat(sqli.get("ruleId").asText()).isEqualTo("java.sqli.tainted-query");
    assertThat(sqli.get("message").get("text").asText()).isEqualTo("SQL built from request input");
    var location = sqli.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("src/main/java/App.java");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(42);
    assertThat(sqli.get("partialFingerprints").get("primaryLocationLineHash").asText()).isEqualTo("fp-sqli");
  }

  @Test
  void theTableListsFindingsByRiskThenScannersThenTheDecisionAndReasons() throws Exception {
    var out = new StringWriter();
    ReportFormat.TABLE.write(RESULT, out);
    String text = out.toString();

    assertThat(text).contains("RISK", "SEVERITY", "LOCATION");
    assertThat(text.indexOf("lodash")).isLessThan(text.indexOf("src/main/java/App.java:42"));
    assertThat(text.indexOf("src/main/java/App.java:42")).isLessThan(text.indexOf("Scanners:"));
    assertThat(text).contains("DEGRADED").contains("advisory database missing for PyPI");
    assertThat(text.indexOf("Scanners:")).isLessThan(text.indexOf("Decision: FAIL (risk 95"));
    assertThat(text).contains("  - CRITICAL lodash 4.17.15 in runtime scope");
  }
}
