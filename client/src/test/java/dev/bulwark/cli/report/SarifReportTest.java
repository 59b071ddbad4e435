package dev.bulwark.cli.report;

import static dev.bulwark.cli.report.ReportSamples.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  static JsonSchema schema;
  static JsonNode sarif;

  @BeforeAll
  static void render() throws Exception {
    schema = SchemaValidation.draft7(SchemaValidation.SARIF_2_1_0);
    sarif = ReportSamples.renderJson(ReportFormat.SARIF);
  }

  static JsonNode result(String ruleId) {
    return StreamSupport.stream(sarif.at("/runs/0/results").spliterator(), false)
        .filter(r -> r.get("ruleId").asText().equals(ruleId)).findFirst().orElseThrow();
  }

  static JsonNode rule(String ruleId) {
    return StreamSupport.stream(sarif.at("/runs/0/tool/driver/rules").spliterator(), false)
        .filter(r -> r.get("id").asText().equals(ruleId)).findFirst().orElseThrow();
  }

  @Test
  void theReportValidatesAgainstTheOfficialSarif210Schema() {
    assertThat(SchemaValidation.problems(schema, sarif)).isEmpty();
  }

  @Test
  void theSchemaCheckIsRealAResultWithoutMessageIsRejected() {
    var broken = sarif.deepCopy();
    ((ObjectNode) broken.at("/runs/0/results/0")).remove("message");
    ((ObjectNode) broken.at("/runs/0/results/1/locations/0/physicalLocation/region")).put("startLine", 0);

    assertThat(SchemaValidation.problems(schema, broken))
        .anyMatch(p -> p.contains("message")).anyMatch(p -> p.contains("startLine"));
  }

  @Test
  void rulesCarryAStringSecuritySeverityAndCweTags() {
    var log4j = rule("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.at("/properties/security-severity").isTextual()).isTrue();
    assertThat(log4j.at("/properties/security-severity").asText()).isEqualTo("10.0");
    assertThat(log4j.at("/properties/tags").toString())
        .contains("\"security\"", "external/cwe/cwe-502", "external/cwe/cwe-917");

    var sqli = rule("java.sqli.tainted-query");
    assertThat(sqli.at("/properties/security-severity").asText()).isEqualTo("8.0"); // HIGH, no CVSS
    assertThat(sqli.at("/properties/tags").toString()).contains("external/cwe/cwe-89");
    assertThat(sqli.at("/help/text").asText()).isEqualTo("use a PreparedStatement");
  }

  @Test
  void codeFindingsHaveRelativeUrisUnderSrcRootWithTheirLinesAndFingerprint() {
    var sqli = result("java.sqli.tainted-query");
    var location = sqli.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("src/main/java/com/acme/UserDao.java");
    assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(42);
    assertThat(location.at("/region/endLine").asInt()).isEqualTo(43);
    assertThat(sqli.at("/partialFingerprints/primaryLocationLineHash").asText()).isEqualTo("5f1c0a9e1d2b3c4d");
    assertThat(sqli.get("level").asText()).isEqualTo("error");
  }

  @Test
  void aDependencyFindingIsLocatedAtItsManifestLine() {
    var log4j = result("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("pom.xml");
    assertThat(log4j.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(31);
    assertThat(log4j.at("/message/text").asText())
        .contains("org.apache.logging.log4j:log4j-core 2.14.1").contains("upgrade to 2.15.0");
    // without a line, still the manifest
    var junit = result("GHSA-269g-pwp5-87pp");
    assertThat(junit.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("pom.xml");
    assertThat(junit.at("/locations/0/physicalLocation").has("region")).isFalse();
  }

  @Test
  void onlySuppressedFindingsCarryAnAcceptedExternalSuppressionWithTheReason() {
    var junit = result("GHSA-269g-pwp5-87pp");
    assertThat(junit.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(junit.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(junit.at("/suppressions/0/justification").asText()).isEqualTo(ReportSamples.SUPPRESSION);
    assertThat(result("GHSA-jfh8-c2jp-5v3q").has("suppressions")).isFalse();
  }

  @Test
  void aFailedScannerMakesTheInvocationUnsuccessfulWithAnErrorNotification() {
    var invocation = sarif.at("/runs/0/invocations/0");
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
    assertThat(invocation.at("/toolExecutionNotifications/0/message/text").asText())
        .contains("container").contains("deadline exceeded");
    assertThat(sarif.at("/runs/0/automationDetails/id").asText()).isEqualTo("bulwark/4f0c2a8e-scan");
  }

  @Test
  void pathsBecomeValidRelativeUriReferences() {
    assertThat(SarifReport.uri("src/main/App.java")).isEqualTo("src/main/App.java");
    assertThat(SarifReport.uri("src/my file#1?.java")).isEqualTo("src/my%20file%231%3F.java");
    assertThat(SarifReport.uri("docs/über.md")).isEqualTo("docs/%C3%BCber.md");
    assertThat(SarifReport.uri("app:1.2")).isEqualTo("./app:1.2"); // an image name is no URI scheme
    assertThat(SarifReport.uri("registry/app:1.2")).isEqualTo("registry/app:1.2");
  }
}
