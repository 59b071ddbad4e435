package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cluster (every scanner, the gate and the gateway, embedded) scans the shared vulnerable
 * app, and each pipeline format it writes passes its schema or strict check.
 */
class RealScanReportsTest {
  @TempDir
  static Path tmp;
  static final ObjectMapper JSON = new ObjectMapper();

  static String scan(String format) throws Exception {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    Path out = tmp.resolve("vulnerable-app." + format);
    var run = CliRun.run(tmp.resolve("home"), services, "scan", SharedFixtures.vulnerableApp().toString(),
        "--advisories", SharedFixtures.osv().toString(), "--format", format, "--output", out.toString());
    assertThat(run.exitCode()).as(format + ": " + run.err()).isEqualTo(1); // the gate fails the vulnerable app
    return Files.readString(out);
  }

  static JsonNode json(String format) throws Exception {
    return JSON.readTree(scan(format));
  }

  @BeforeAll
  static void fixturesArePresent() {
    assertThat(SharedFixtures.vulnerableApp()).isDirectory();
  }

  @Test
  void sarifOfTheVulnerableAppValidatesAndEveryResultIsLocated() throws Exception {
    var sarif = json("sarif");
    assertThat(SchemaValidation.problems(SchemaValidation.draft7(SchemaValidation.SARIF_2_1_0), sarif)).isEmpty();
    var results = sarif.at("/runs/0/results");
    assertThat(results.size()).isGreaterThan(10);
    assertThat(results).allMatch(r -> r.at("/locations/0/physicalLocation/artifactLocation/uri").isTextual());
    assertThat(sarif.at("/runs/0/tool/driver/rules").toString()).contains("external/cwe/cwe-");
    // jackson-databind is pinned by a property on line 13 of pom.xml: the fix edits exactly "2.9.8" there
    var jacksonFixes = StreamSupport.stream(results.spliterator(), false)
        .filter(r -> r.at("/message/text").asText().startsWith("com.fasterxml.jackson.core:jackson-databind 2.9.8"))
        .map(r -> r.at("/fixes/0/artifactChanges/0"))
        .toList();
    assertThat(jacksonFixes).hasSizeGreaterThan(40).allSatisfy(change -> {
      assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("pom.xml");
      assertThat(change.at("/replacements/0/deletedRegion/startLine").asInt()).isEqualTo(13);
      assertThat(change.at("/replacements/0/insertedContent/text").asText()).isEqualTo("2.12.7.1");
    });
  }

  @Test
  void cyclonedxOfTheVulnerableAppValidatesAndListsLog4j() throws Exception {
    String bom = scan("cyclonedx");
    assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isEmpty();
    var components = JSON.readTree(bom).get("components");
    assertThat(StreamSupport.stream(components.spliterator(), false).map(c -> c.get("name").asText()))
        .contains("log4j-core");
  }

  @Test
  void cyclonedxIsAnSbomOfTheWholeInventoryNotOnlyOfTheVulnerablePackages() throws Exception {
    String bom = scan("cyclonedx");
    var names = StreamSupport.stream(JSON.readTree(bom).get("components").spliterator(), false)
        .map(c -> c.get("name").asText()).toList();
    // javax.servlet-api 4.0.1 has no advisory: it is in the SBOM all the same
    assertThat(names).contains("javax.servlet-api", "log4j-core", "lodash", "PyYAML").doesNotHaveDuplicates();
  }

  @Test
  void gitlabReportsOfTheVulnerableAppPassTheStrictRules() throws Exception {
    var rules = SchemaValidation.draft7("report/gitlab-security-report-15.subset.schema.json");
    var sast = json("gitlab-sast");
    var deps = json("gitlab-dependency-scanning");
    assertThat(SchemaValidation.problems(rules, sast)).isEmpty();
    assertThat(SchemaValidation.problems(rules, deps)).isEmpty();
    assertThat(sast.get("vulnerabilities").size()).isPositive();
    assertThat(deps.get("vulnerabilities").size()).isPositive();
    assertThat(deps.get("dependency_files").size()).isPositive();
  }

  @Test
  void junitOfTheVulnerableAppFollowsTheJenkinsShape() throws Exception {
    String xml = scan("junit");
    assertThat(JunitSchemaTest.problems(xml)).as("junit-10 schema").isEmpty();
    var doc = JunitXmlRules.parse(xml);
    assertThat(JunitXmlRules.problems(doc)).isEmpty();
    assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("failures"))).isPositive();
  }
}
