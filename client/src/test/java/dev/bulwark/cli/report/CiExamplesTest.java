package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The CI examples in examples/ci stay in step with the formats the CLI has. */
class CiExamplesTest {
  static final Path CI = Path.of("..", "examples", "ci");
  static final Pattern FORMAT = Pattern.compile("--format\\s+(\\S+)");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"github-actions.yml", "Jenkinsfile", "gitlab-ci.yml"})
  void everyFormatAnExampleAsksForIsRegistered(String file) throws Exception {
    var matcher = FORMAT.matcher(Files.readString(CI.resolve(file)));
    int found = 0;
    while (matcher.find()) {
      found++;
      assertThat(ReportFormat.names()).contains(matcher.group(1));
    }
    assertThat(found).as(file).isPositive();
  }

  @Test
  void githubActionsScansToSarifUploadsItEvenOnFailureAndFailsOnExit1Or2() throws Exception {
    JsonNode steps = YAML.readTree(CI.resolve("github-actions.yml").toFile()).at("/jobs/scan/steps");
    var scan = find(steps, "Scan");
    assertThat(scan.get("run").asText())
        .contains("bulwark scan . --gateway \"$BULWARK_GATEWAY\" --format sarif --output bulwark.sarif --baseline-branch main");
    var install = find(steps, "Install bulwark-cli").get("run").asText();
    assertThat(install).contains("$BULWARK_CLI_URL").contains("sha256sum -c").contains("$GITHUB_PATH");
    var upload = StreamSupport.stream(steps.spliterator(), false)
        .filter(s -> s.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")).findFirst().orElseThrow();
    assertThat(upload.at("/with/sarif_file").asText()).isEqualTo("bulwark.sarif");
    assertThat(upload.get("if").asText()).contains("always()");
    assertThat(find(steps, "Gate").get("run").asText()).contains("1)").contains("exit 1").contains("exit 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"github-actions.yml", "Jenkinsfile", "gitlab-ci.yml"})
  void everyExampleInstallsTheReleasedThinClientChecksItAndNeverRunsThisRepositorysLauncher(String file)
      throws Exception {
    String text = Files.readString(CI.resolve(file));
    assertThat(text).contains("bulwark-cli").contains("BULWARK_CLI_URL").contains("sha256sum -c")
        .contains("--gateway").contains("BULWARK_TOKEN").doesNotContain("./bulwark ").doesNotContain("setup-java");
  }

  @Test
  void gitlabSavesBothSecurityReportsUnderTheNamesTheScansWrite() throws Exception {
    JsonNode job = YAML.readTree(CI.resolve("gitlab-ci.yml").toFile()).get("bulwark");
    String script = job.get("script").get(0).asText();
    var reports = job.at("/artifacts/reports");
    assertThat(job.at("/artifacts/when").asText()).isEqualTo("always");
    assertThat(script).contains("--format gitlab-sast --output " + reports.get("sast").asText());
    assertThat(script).contains("--format gitlab-dependency-scanning --output "
        + reports.get("dependency_scanning").asText());
  }

  @Test
  void jenkinsPublishesTheJunitReportTheScanWrites() throws Exception {
    String jenkinsfile = Files.readString(CI.resolve("Jenkinsfile"));
    assertThat(jenkinsfile).contains("--format junit --output bulwark-junit.xml")
        .contains("junit testResults: 'bulwark-junit.xml'").contains("returnStatus: true");
  }

  private static JsonNode find(JsonNode steps, String name) {
    return StreamSupport.stream(steps.spliterator(), false).filter(s -> s.path("name").asText().equals(name))
        .findFirst().orElseThrow();
  }
}
