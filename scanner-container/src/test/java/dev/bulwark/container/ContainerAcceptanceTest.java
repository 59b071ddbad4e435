package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The scanner-container rows of vulnerable-app's EXPECTED.md, over real gRPC; clean-app stays clean. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerAcceptanceTest {
  private ScannerHarness harness;
  private ScannerHarness.Result vulnerable;

  @BeforeAll
  void scanVulnerableApp(@TempDir Path tmp) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK));
    harness = new ScannerHarness(engine, tmp);
    vulnerable = harness.scan(SharedFixtures.vulnerableApp());
  }

  @AfterAll
  void close() throws Exception {
    harness.close();
  }

  private List<Finding> at(String path, String ruleId) {
    return vulnerable.findings().stream()
        .filter(f -> f.getLocation().getPath().equals(path) && f.getRuleId().equals(ruleId)).toList();
  }

  private void assertFound(String path, String ruleId, int line) {
    assertThat(at(path, ruleId)).as("%s at %s:%d in %s", ruleId, path, line, vulnerable.findings())
        .anySatisfy(f -> assertThat(f.getLocation().getStartLine()).isEqualTo(line));
  }

  @Test
  void scanSucceedsOverTheWireAndEveryFindingIsComplete() {
    assertThat(vulnerable.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(vulnerable.summary().getFilesScanned()).isEqualTo(3);
    assertThat(vulnerable.findings()).allSatisfy(f -> {
      assertThat(f.getScanner()).isEqualTo("container");
      assertThat(f.getFingerprint()).isNotBlank();
      assertThat(f.getAnalyzer()).matches("(dockerfile|kubernetes|terraform)@[0-9.]+");
      assertThat(f.getRemediation()).isNotBlank();
      assertThat(f.getLocation().getStartLine()).isPositive();
    });
  }

  @Test
  void dockerfileRowsAreFound() {
    assertFound("Dockerfile", "bulwark.dockerfile.base-image-eol", 1);       // node:14 end-of-life
    assertFound("Dockerfile", "bulwark.dockerfile.base-image-not-pinned", 1);
    assertFound("Dockerfile", "DS-0002", 1);                                 // no USER
    assertFound("Dockerfile", "bulwark.dockerfile.add-remote-url", 3);
    assertFound("Dockerfile", "bulwark.dockerfile.pipe-to-shell", 4);
    assertFound("Dockerfile", "DS-0004", 9);                                 // EXPOSE 22
    assertThat(at("Dockerfile", "DS-0031")).singleElement().satisfies(f ->
        assertThat(f.getLocation().getSnippet()).doesNotContain("hk5rlkKeyzZsggCFDWHsjCTJbryqzvr5ou11tf0b"));
  }

  @Test
  void kubernetesRowsAreFound() {
    String k8s = "deploy/k8s/deployment.yaml";
    assertFound(k8s, "KSV-0017", 24);  // privileged
    assertFound(k8s, "KSV-0105", 25);  // runAsUser: 0
    assertFound(k8s, "KSV-0001", 26);  // allowPrivilegeEscalation: true
    assertFound(k8s, "KSV-0009", 17);  // hostNetwork
    assertFound(k8s, "KSV-0013", 20);  // :latest
    assertFound(k8s, "KSV-0011", 19);  // no CPU limit
    assertFound(k8s, "KSV-0018", 19);  // no memory limit
    assertFound(k8s, "KSV-0014", 19);  // no readOnlyRootFilesystem
  }

  @Test
  void terraformRowsAreFound() {
    assertFound("infra/main.tf", "AVD-AWS-0107", 19);   // SSH from 0.0.0.0/0
    assertFound("infra/main.tf", "AVD-AWS-0092", 7);    // public-read
    assertFound("infra/main.tf", "AVD-AWS-0088", 5);    // no encryption
    assertFound("infra/main.tf", "AVD-AWS-0180", 37);   // publicly accessible
    assertFound("infra/main.tf", "AVD-AWS-0080", 38);   // storage_encrypted = false
    assertThat(at("infra/main.tf", "AVD-AWS-0107")).hasSize(1); // port 80 is not an admin port
  }

  @Test
  void cleanAppHasNothingOfMediumOrAbove() throws Exception {
    var clean = harness.scan(SharedFixtures.cleanApp());
    assertThat(clean.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(clean.findings()).filteredOn(f -> f.getSeverity().getNumber() >= Severity.MEDIUM_VALUE).isEmpty();
  }

  @Test
  void describeListsTheAnalyzersWithVersions() {
    var info = harness.describe();
    assertThat(info.getName()).isEqualTo("container");
    assertThat(info.getAnalyzersList()).extracting(a -> a.getName())
        .contains("dockerfile", "kubernetes", "terraform");
  }
}
