package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.common.finding.FindingMerger;
import dev.bulwark.common.finding.Remediations;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Upgrade;
import dev.bulwark.v1.Verdict;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reports show merged findings with every scanner, and one upgrade per vulnerable package")
class AnswersReportTest {
  static final String JACKSON = "com.fasterxml.jackson.core:jackson-databind";
  static final String POM = """
      <project>
        <properties>
          <jackson.version>2.9.8</jackson.version>
        </properties>
        <dependencies>
          <dependency>
            <groupId>com.fasterxml.jackson.core</groupId>
            <artifactId>jackson-databind</artifactId>
            <version>${jackson.version}</version>
          </dependency>
        </dependencies>
      </project>
      """;

  @TempDir
  static Path tree;
  static ScanResult result;

  static Finding dependency(String name, String version, String manifest, int line, String advisory, String upgrade) {
    return Finding.newBuilder().setScanner("sca").setAnalyzer("osv-matcher@1").setRuleId(advisory)
        .setTitle(name + " " + version + ": advisory").setSeverity(Severity.HIGH)
        .setLocation(Location.newBuilder().setPath(manifest).setStartLine(line).setEndLine(line))
        .setPackage(Package.newBuilder().setEcosystem("Maven").setName(name).setVersion(version).setManifestPath(manifest))
        .setAdvisory(Advisory.newBuilder().setId(advisory))
        .setUpgrade(Upgrade.newBuilder().setVersion(upgrade).setFixesThis(true)).build();
  }

  @BeforeAll
  static void scan() throws Exception {
    Files.writeString(tree.resolve("pom.xml"), POM);
    Files.createDirectories(tree.resolve("web"));
    Files.writeString(tree.resolve("web/package-lock.json"), "{\"packages\": {\"node_modules/lodash\": "
        + "{\"version\": \"4.17.15\"}}}\n");
    var secret = Finding.newBuilder().setScanner("sast").setAnalyzer("secrets@3").setRuleId("secret.aws-secret-access-key")
        .setTitle("AWS secret access key committed in source").setSeverity(Severity.CRITICAL).addCwe(798)
        .setLocation(Location.newBuilder().setPath("Dockerfile").setStartLine(2).setEndLine(2)).build();
    var ds0031 = secret.toBuilder().setScanner("container").setAnalyzer("dockerfile@1").setRuleId("DS-0031")
        .clearCwe().setTitle("Secrets passed via envs").build();
    var raw = new ArrayList<>(FindingMerger.merge(List.of(secret, ds0031,
        dependency(JACKSON, "2.9.8", "pom.xml", 7, "GHSA-288c-cq4h-88gq", "2.12.7.1"),
        dependency(JACKSON, "2.9.8", "pom.xml", 7, "GHSA-jjjh-jjxp-wpff", "2.12.7.1"),
        dependency("lodash", "4.17.15", "web/package-lock.json", 1, "GHSA-p6mc-m468-83gw", "4.17.21"))));
    var evaluated = raw.stream().map(f -> EvaluatedFinding.newBuilder().setFinding(f).setRiskScore(80)
        .setStatus(FindingStatus.NEW).build()).toList();
    result = ScanResult.newBuilder().setScanId("scan-1").setDecision(Decision.newBuilder().setVerdict(Verdict.FAIL))
        .addAllFindings(evaluated).addAllRemediations(Remediations.of(evaluated)).build();
  }

  static String render(ReportFormat format) throws Exception {
    var out = new StringWriter();
    format.write(result, out, Optional.of(tree));
    return out.toString();
  }

  @Test
  void theTableNamesEveryScannerOfAMergedFindingAndListsOneUpgradePerPackage() throws Exception {
    String table = render(ReportFormat.TABLE);

    assertThat(table).containsPattern("CRITICAL\\s+sast\\+container\\s+secret\\.aws-secret-access-key\\s+Dockerfile:2");
    assertThat(table).contains("Remediation (2 vulnerable packages):");
    assertThat(table).containsPattern(JACKSON.replace(".", "\\.") + "\\s+2\\.9\\.8\\s+2\\.12\\.7\\.1\\s+2/2\\s+pom\\.xml");
    assertThat(table).containsPattern("lodash\\s+4\\.17\\.15\\s+4\\.17\\.21\\s+1/1\\s+web/package-lock\\.json");
  }

  @Test
  void jsonCarriesReportedByAndRemediations() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON));

    JsonNode merged = json.get("findings").get(0);
    assertThat(merged.get("reportedBy")).extracting(n -> n.get("scanner").asText() + ":" + n.get("ruleId").asText())
        .containsExactly("sast:secret.aws-secret-access-key", "container:DS-0031");
    JsonNode jackson = json.get("remediations").get(0).get("name").asText().equals(JACKSON)
        ? json.get("remediations").get(0) : json.get("remediations").get(1);
    assertThat(jackson.get("upgradeTo").asText()).isEqualTo("2.12.7.1");
    assertThat(jackson.get("fixes")).extracting(JsonNode::asText).containsExactly("GHSA-288c-cq4h-88gq",
        "GHSA-jjjh-jjxp-wpff");
    assertThat(jackson.get("advice").asText())
        .isEqualTo("upgrade " + JACKSON + " 2.9.8 → 2.12.7.1: fixes 2 of 2 advisories");
  }

  @Test
  void sarifFixesEditTheVersionWhereItIsPinnedAndNeverALockfile() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF));

    assertThat(SchemaValidation.problems(SchemaValidation.draft7(SchemaValidation.SARIF_2_1_0), sarif)).isEmpty();
    var results = sarif.at("/runs/0/results");
    JsonNode jackson = null;
    JsonNode lodash = null;
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals("GHSA-288c-cq4h-88gq")) {
        jackson = r;
      } else if (r.get("ruleId").asText().equals("GHSA-p6mc-m468-83gw")) {
        lodash = r;
      }
    }
    assertThat(lodash.has("fixes")).isFalse();
    assertThat(lodash.at("/message/text").asText()).contains("Recommended: upgrade lodash 4.17.15 → 4.17.21");
    var change = jackson.at("/fixes/0/artifactChanges/0");
    assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("pom.xml");
    var region = change.at("/replacements/0/deletedRegion");
    // applying the edit to the file gives the upgraded property
    String line = POM.lines().toList().get(region.get("startLine").asInt() - 1);
    String edited = line.substring(0, region.get("startColumn").asInt() - 1)
        + change.at("/replacements/0/insertedContent/text").asText()
        + line.substring(region.get("endColumn").asInt() - 1);
    assertThat(edited.strip()).isEqualTo("<jackson.version>2.12.7.1</jackson.version>");
  }
}
