package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixtures' EXPECTED.md, scanned over real gRPC through the content store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SastAcceptanceTest {
  private static final String SERVLET = "src/main/java/com/example/shop/OrderServlet.java";

  private ScannerHarness harness;
  private ScannerHarness.Result vulnerable;

  @BeforeAll
  void scan(@TempDir Path tmp) throws Exception {
    harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"));
    vulnerable = harness.scan(SharedFixtures.vulnerableApp());
  }

  @AfterAll
  void close() throws Exception {
    harness.close();
  }

  @ParameterizedTest(name = "{0}:{1} carries CWE-{2}")
  @DisplayName("every scanner-sast code row of vulnerable-app's EXPECTED.md is found with its CWE")
  @CsvSource({
      SERVLET + ", 31, 89", SERVLET + ", 33, 79", SERVLET + ", 57, 78", SERVLET + ", 60, 22",
      SERVLET + ", 64, 330", SERVLET + ", 65, 614", SERVLET + ", 70, 328",
      "web/src/app.js, 17, 95", "web/src/app.js, 24, 78",
      "scripts/report.py, 14, 502", "scripts/report.py, 18, 502", "scripts/report.py, 23, 78",
      "scripts/report.py, 32, 295"})
  void findsCodeRow(String path, int line, int cwe) {
    assertThat(vulnerable.findings()).anySatisfy(f -> {
      assertThat(f.getLocation().getPath()).isEqualTo(path);
      assertThat(f.getLocation().getStartLine()).isEqualTo(line);
      assertThat(f.getCweList()).contains(cwe);
      assertThat(f.getAnalyzer()).matches("[a-z-]+@\\d+");
      assertThat(f.getScanner()).isEqualTo("sast");
    });
  }

  @ParameterizedTest(name = "{0}:{1} {2}")
  @DisplayName("every secret row of vulnerable-app's EXPECTED.md is found, with the secret redacted")
  @CsvSource({
      "config/application.properties, 8, secret.aws-access-key-id, 8",
      "config/application.properties, 9, secret.aws-secret-access-key, 9",
      "config/application.properties, 13, secret.github-pat, 13",
      "config/application.properties, 14, secret.slack-webhook, 14",
      "config/application.properties, 15, secret.stripe-live-key, 15",
      "config/application.properties, 5, secret.generic-config-password, 5",
      "config/signing-key.pem, 1, secret.private-key, 2",
      "Dockerfile, 2, secret.aws-secret-access-key, 2",
      "deploy/k8s/deployment.yaml, 28, secret.kubernetes-env-secret, 29"})
  void findsSecretRow(String path, int line, String rule, int secretLine) throws Exception {
    // The secret is read from the fixture (not repeated here): the longest token after '=' or ':'.
    String original = Files.readAllLines(SharedFixtures.vulnerableApp().resolve(path)).get(secretLine - 1);
    int separator = original.replaceAll("[=:].*", "").length();
    String value = separator < original.length() ? original.substring(separator + 1) : original;
    String secret = Pattern.compile("[A-Za-z0-9_+!-]{8,}").matcher(value).results().map(MatchResult::group)
        .max(Comparator.comparingInt(String::length)).orElseThrow();
    assertThat(vulnerable.findings()).anySatisfy(f -> {
      assertThat(f.getLocation().getPath()).isEqualTo(path);
      assertThat(f.getLocation().getStartLine()).isEqualTo(line);
      assertThat(f.getRuleId()).isEqualTo(rule);
      assertThat(f.getCweList()).contains(798);
      assertThat(f.getLocation().getSnippet()).contains("REDACTED");
    });
    assertThat(vulnerable.findings()).allSatisfy(f -> {
      assertThat(f.getLocation().getSnippet()).doesNotContain(secret);
      assertThat(f.getTitle() + f.getDescription()).doesNotContain(secret);
    });
  }

  @Test
  @DisplayName("countOrders (a bound parameter) and the harmless look-alikes are not findings")
  void knownNonFindings() {
    assertThat(vulnerable.findings()).noneSatisfy(f -> {
      assertThat(f.getLocation().getPath()).isEqualTo(SERVLET);
      assertThat(f.getLocation().getStartLine()).isBetween(44, 50);
      assertThat(f.getCweList()).contains(89);
    });
    assertThat(vulnerable.findings()).noneSatisfy(f -> {
      assertThat(f.getLocation().getPath()).isEqualTo("config/application.properties");
      assertThat(f.getLocation().getStartLine()).isBetween(17, 19);
    });
    assertThat(vulnerable.summary().getStatus()).isEqualTo(ScannerStatus.OK);
  }

  @Test
  @DisplayName("clean-app gives nothing of medium severity or above")
  void cleanAppIsClean() throws Exception {
    var result = harness.scan(SharedFixtures.cleanApp());
    List<Finding> serious = result.findings().stream()
        .filter(f -> f.getSeverity().getNumber() >= Severity.MEDIUM.getNumber()).toList();
    assertThat(serious).isEmpty();
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(result.summary().getFilesScanned()).isPositive();
  }

  @Test
  @DisplayName("Describe lists every analyzer with its version and the rule packs with version and hash")
  void describeListsAnalyzersAndPacks() {
    var info = harness.describe();
    assertThat(info.getName()).isEqualTo("sast");
    assertThat(info.getAnalyzersList()).extracting(a -> a.getName())
        .containsExactly("secrets", "java-taint", "javascript", "python", "go", "php", "ruby", "csharp");
    assertThat(info.getDatabasesList()).extracting(d -> d.getName())
        .contains("rules:secrets", "rules:javascript", "rules:python", "rules:go", "rules:php", "rules:ruby", "rules:csharp");
    assertThat(info.getDatabasesList()).allSatisfy(d -> assertThat(d.getVersion()).matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{16}"));
  }
}
