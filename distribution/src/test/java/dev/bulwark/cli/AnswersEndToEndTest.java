package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.embedded.EmbeddedService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Answers, not lists: the real cluster merges what several scanners saw and groups upgrades per package")
class AnswersEndToEndTest {
  @TempDir
  static Path tmp;
  static JsonNode result;

  @BeforeAll
  static void scanTheVulnerableApp() throws Exception {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    var run = CliRun.run(tmp.resolve("home"), services, "scan", SharedFixtures.vulnerableApp().toString(),
        "--advisories", SharedFixtures.osv().toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    result = new ObjectMapper().readTree(run.out());
  }

  static List<JsonNode> findingsAt(String path, int line) {
    return StreamSupport.stream(result.get("findings").spliterator(), false)
        .filter(f -> f.at("/location/path").asText().equals(path) && f.at("/location/startLine").asInt() == line)
        .toList();
  }

  static JsonNode remediation(String name) {
    return StreamSupport.stream(result.get("remediations").spliterator(), false)
        .filter(r -> r.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theAwsKeyInTheDockerfileIsOneFindingNamingTheSecretsAnalyzerAndTheDockerfileCheck() {
    var atLine2 = findingsAt("Dockerfile", 2);

    assertThat(atLine2).singleElement().satisfies(f -> {
      assertThat(f.get("ruleId").asText()).isEqualTo("secret.aws-secret-access-key");
      assertThat(f.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(f.get("reportedBy")).extracting(r -> r.get("scanner").asText() + ":" + r.get("ruleId").asText())
          .containsExactly("sast:secret.aws-secret-access-key", "container:DS-0031");
    });
    // the other secrets and checks are still their own findings
    assertThat(findingsAt("Dockerfile", 1)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(findingsAt("config/application.properties", 8)).isNotEmpty();
  }

  @Test
  void dependencyFindingsAreGroupedIntoOneUpgradePerPackageInTheEcosystemsVersionOrder() {
    long dependencyFindings = StreamSupport.stream(result.get("findings").spliterator(), false)
        .filter(f -> f.has("package")).count();
    assertThat(dependencyFindings).isGreaterThan(60);
    assertThat(result.get("remediations")).hasSize(11); // one per vulnerable package of EXPECTED.md

    var jackson = remediation("com.fasterxml.jackson.core:jackson-databind");
    assertThat(jackson.get("version").asText()).isEqualTo("2.9.8");
    assertThat(jackson.get("upgradeTo").asText()).isEqualTo("2.12.7.1");
    assertThat(jackson.get("major").asBoolean()).isFalse();
    assertThat(jackson.get("fixes")).hasSize(53);
    assertThat(jackson.has("remaining")).isTrue();
    assertThat(jackson.get("remaining")).isEmpty();
    assertThat(jackson.get("advice").asText())
        .isEqualTo("upgrade com.fasterxml.jackson.core:jackson-databind 2.9.8 → 2.12.7.1: fixes 53 of 53 advisories");
    assertThat(remediation("lodash").get("upgradeTo").asText()).isEqualTo("4.17.21");
    assertThat(remediation("urllib3").get("manifestPath").asText()).isEqualTo("scripts/requirements.txt");
    assertThat(remediation("junit:junit").get("scope").asText()).isEqualTo("TEST");
    // most urgent first
    var risks = StreamSupport.stream(result.get("remediations").spliterator(), false)
        .map(r -> r.get("riskScore").asInt()).toList();
    assertThat(risks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }
}
