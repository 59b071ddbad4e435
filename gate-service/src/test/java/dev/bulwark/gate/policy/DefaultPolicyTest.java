package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the built-in default policy")
class DefaultPolicyTest {
  @TempDir
  Path dir;
  GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(dir);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @DisplayName("fails the vulnerable app, naming the critical runtime dependency, the SQL injection and the secrets")
  void vulnerableAppFails() {
    var r = fx.gate.evaluate(Findings.request("s1", "vulnerable-app", Findings.vulnerableApp(), ""));
    var d = r.decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getRiskScore()).isEqualTo(100);
    assertThat(d.getReasonsList()).anySatisfy(line -> assertThat(line).startsWith("DENY severity:")
        .contains("GHSA-jfh8-c2jp-5v3q").contains("java.sqli.tainted-query").contains("DS-0002")
        .doesNotContain("junit").doesNotContain("node-fetch"));
    assertThat(d.getReasonsList()).anySatisfy(line -> assertThat(line).startsWith("DENY secrets:")
        .contains("secret.aws-access-key").contains("config.password-in-properties"));
    assertThat(d.getContext().getRequestedBy()).isEqualTo("ci:job-42");
    assertThat(r.findings()).allMatch(a -> a.status() == FindingStatus.NEW);
  }

  @Test
  @DisplayName("passes a clean set: low findings, and high ones only in TEST or DEV scope")
  void cleanSetPasses() {
    var r = fx.gate.evaluate(Findings.request("s1", "clean-app",
        List.of(Findings.LOW_INFO, Findings.JUNIT, Findings.NODE_FETCH_DEV, Findings.WEAK_RANDOM), ""));
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(r.decision().getReasonsList().get(0)).startsWith("PASS: 4 findings (0 suppressed)");
    assertThat(fx.gate.evaluate(Findings.request("s2", "empty", List.of(), "")).decision().getVerdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("fails on EXISTING findings too, so retrying a failed CI job does not turn it green")
  void existingStillFails() {
    fx.gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL), ""));
    var retry = fx.gate.evaluate(Findings.request("s2", "p", List.of(Findings.LOG4SHELL), ""));
    assertThat(retry.findings().get(0).status()).isEqualTo(FindingStatus.EXISTING);
    assertThat(retry.decision().getVerdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  @DisplayName("a FAILED scanner makes the verdict ERROR, naming the scanner and its message")
  void failedScannerIsError() {
    var req = failing(ScannerStatus.FAILED, "deadline exceeded after 300s");
    var d = fx.gate.evaluate(req).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList()).contains("ERROR scanner 'sca' FAILED: deadline exceeded after 300s");
  }

  @Test
  @DisplayName("a scanner report without a status is treated as a failure (ERROR), not as OK")
  void unspecifiedStatusIsError() {
    var d = fx.gate.evaluate(failing(ScannerStatus.SCANNER_STATUS_UNSPECIFIED, "")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList()).contains("ERROR scanner 'sca' reported no status");
  }

  @Test
  @DisplayName("a DEGRADED scanner is only a warning by default")
  void degradedIsWarning() {
    var d = fx.gate.evaluate(failing(ScannerStatus.DEGRADED, "advisory database missing")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(d.getReasonsList()).contains("WARN scanner 'sca' DEGRADED: advisory database missing");
  }

  @Test
  @DisplayName("a committed secret fails even at LOW severity, but a CWE-798 finding from another scanner does not count as one")
  void anySecretFails() {
    var lowSecret = Findings.code("sast", "secret.slack-webhook", dev.bulwark.v1.Severity.LOW, 798,
        "config/application.properties", 12, "slack.webhook=https://hooks.slack.com/****");
    assertThat(fx.gate.evaluate(Findings.request("s1", "p", List.of(lowSecret), "")).decision().getVerdict())
        .isEqualTo(Verdict.FAIL);
    var k8sPassword = Findings.code("container", "KSV-PASSWORD", dev.bulwark.v1.Severity.LOW, 798,
        "deploy/k8s/deployment.yaml", 20, "value: hunter2");
    assertThat(fx.gate.evaluate(Findings.request("s2", "q", List.of(k8sPassword), "")).decision().getVerdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("a LOW-confidence generic secret in a test file is only a warning; a provider secret there still fails")
  void lowConfidenceTestSecretsWarn() {
    var totpSeed = Findings.code("sast", "secret.generic-code-secret", dev.bulwark.v1.Severity.LOW, 798,
        "test/api/loginSpec.ts", 40, "totpSecret: '*****REDACTED*****'").toBuilder()
        .setConfidence(dev.bulwark.v1.Confidence.CONFIDENCE_LOW).build();
    var d = fx.gate.evaluate(Findings.request("s1", "p", List.of(totpSeed), "")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(d.getReasonsList()).anySatisfy(line -> assertThat(line).startsWith("WARN secrets: 1 finding")
        .contains("secret.generic-code-secret").contains("not denied"));

    var tokenInTest = Findings.code("sast", "secret.github-pat", dev.bulwark.v1.Severity.CRITICAL, 798,
        "test/fixtures/ci.env", 2, "GITHUB_TOKEN=ghp_*****REDACTED*****").toBuilder()
        .setConfidence(dev.bulwark.v1.Confidence.CONFIDENCE_MEDIUM).build();
    var both = fx.gate.evaluate(Findings.request("s2", "q", List.of(totpSeed, tokenInTest), "")).decision();
    assertThat(both.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(both.getReasonsList()).anySatisfy(line -> assertThat(line).startsWith("DENY secrets: 1 finding")
        .contains("secret.github-pat").contains("1 low-confidence match in test, fixture or example files not denied"));
  }

  private static EvaluateRequest failing(ScannerStatus status, String message) {
    return Findings.request("s1", "p", List.of(Findings.LOW_INFO), "").toBuilder().clearScanners()
        .addScanners(Findings.report("sast", ScannerStatus.OK, ""))
        .addScanners(Findings.report("sca", status, message)).build();
  }
}
