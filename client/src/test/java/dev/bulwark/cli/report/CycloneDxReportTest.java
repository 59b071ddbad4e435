package dev.bulwark.cli.report;

import static dev.bulwark.cli.report.ReportSamples.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CycloneDxReportTest {
  static String text;
  static JsonNode bom;

  @BeforeAll
  static void render() throws Exception {
    text = ReportSamples.render(ReportFormat.CYCLONEDX, RESULT);
    bom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }

  static JsonNode vulnerability(String id) {
    return StreamSupport.stream(bom.get("vulnerabilities").spliterator(), false)
        .filter(v -> v.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  static JsonNode component(String name) {
    return StreamSupport.stream(bom.get("components").spliterator(), false)
        .filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theBomValidatesAgainstTheCycloneDx16SchemaBundledWithCycloneDxCoreJava() throws Exception {
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(new JsonParser().validate(text.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
  }

  @Test
  void theSchemaCheckIsRealAnUnknownAnalysisStateIsRejected() throws Exception {
    var broken = (ObjectNode) bom.deepCopy();
    ((ObjectNode) vulnerability(broken, "GHSA-269g-pwp5-87pp").get("analysis")).put("state", "ignored");
    assertThat(new JsonParser().validate(broken, Version.VERSION_16)).isNotEmpty();
  }

  private static JsonNode vulnerability(JsonNode doc, String id) {
    return StreamSupport.stream(doc.get("vulnerabilities").spliterator(), false)
        .filter(v -> v.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void componentsAreTheVulnerablePackagesWithPurlGroupVersionAndScope() {
    assertThat(bom.get("components")).hasSize(2);
    var log4j = component("log4j-core");
    assertThat(log4j.get("group").asText()).isEqualTo("org.apache.logging.log4j");
    assertThat(log4j.get("version").asText()).isEqualTo("2.14.1");
    assertThat(log4j.get("purl").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(log4j.get("bom-ref").asText()).isEqualTo(log4j.get("purl").asText());
    assertThat(log4j.get("scope").asText()).isEqualTo("required");
    assertThat(component("junit").get("scope").asText()).isEqualTo("excluded"); // test scope
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("acme/payments");
    assertThat(bom.at("/metadata/tools/components/0/name").asText()).isEqualTo("bulwark");
  }

  @Test
  void vulnerabilitiesCarryRatingsSourceAliasesCwesAndTheComponentTheyAffect() {
    var log4j = vulnerability("GHSA-jfh8-c2jp-5v3q");
    var rating = log4j.at("/ratings/0");
    assertThat(rating.get("severity").asText()).isEqualTo("critical");
    assertThat(rating.get("score").asDouble()).isEqualTo(10.0);
    assertThat(rating.get("method").asText()).isEqualTo("CVSSv31");
    assertThat(rating.get("vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    assertThat(log4j.at("/source/name").asText()).isEqualTo("GitHub");
    assertThat(log4j.at("/references/0/id").asText()).isEqualTo("CVE-2021-44228");
    assertThat(log4j.at("/cwes").toString()).isEqualTo("[502,917]");
    assertThat(log4j.at("/affects/0/ref").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(log4j.get("recommendation").asText()).isEqualTo("upgrade to 2.15.0");
    assertThat(log4j.has("analysis")).isFalse();
  }

  @Test
  void aSuppressedTestScopeFindingIsAVexNotAffectedCodeNotPresentWithTheReason() {
    var junit = vulnerability("GHSA-269g-pwp5-87pp");
    assertThat(junit.at("/analysis/state").asText()).isEqualTo("not_affected");
    assertThat(junit.at("/analysis/justification").asText()).isEqualTo("code_not_present");
    assertThat(junit.at("/analysis/detail").asText()).isEqualTo(ReportSamples.SUPPRESSION);
    assertThat(junit.at("/recommendation").asText()).isEqualTo("Upgrade to 4.13.1"); // from fixed versions
  }

  @Test
  void codeFindingsAreNotPartOfTheBom() {
    var ids = StreamSupport.stream(bom.get("vulnerabilities").spliterator(), false)
        .map(v -> v.get("id").asText()).toList();
    assertThat(ids).isEqualTo(List.of("GHSA-jfh8-c2jp-5v3q", "GHSA-269g-pwp5-87pp"));
  }
}
