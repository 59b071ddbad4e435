package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.Finding;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("a repository's .bulwark.yaml")
class RepoPolicyTest {
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

  private Gate.Result eval(String scanId, List<Finding> findings, String policy) {
    return fx.gate.evaluate(Findings.request(scanId, "p", findings, policy));
  }

  @Test
  @DisplayName("failOn lowers the threshold to MEDIUM and widens scopes to DEV")
  void thresholds() {
    var findings = List.of(Findings.WEAK_RANDOM, Findings.NODE_FETCH_DEV);
    assertThat(eval("s0", findings, "").decision().getVerdict()).isEqualTo(Verdict.PASS);
    var d = eval("s1", findings, "failOn: {severity: MEDIUM, scopes: [RUNTIME, DEV]}\n").decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList().get(0)).contains("java.crypto.weak-random").contains("node-fetch")
        .contains("at MEDIUM or above in scopes [RUNTIME, DEV]");
  }

  @Test
  @DisplayName("onlyNew lets findings of the previous scan through, but not new ones")
  void onlyNew() {
    String policy = "failOn:\n  onlyNew: true\n";
    assertThat(eval("s1", List.of(Findings.LOG4SHELL), policy).decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(eval("s2", List.of(Findings.LOG4SHELL), policy).decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(eval("s3", List.of(Findings.LOG4SHELL, Findings.JACKSON), policy).decision().getReasonsList().get(0))
        .contains("jackson-databind").doesNotContain("log4j");
  }

  @Test
  @DisplayName("failOnScannerStatus: DEGRADED turns a degraded scanner into ERROR")
  void degradedIsError() {
    var req = Findings.request("s1", "p", List.of(), "failOnScannerStatus: DEGRADED\n").toBuilder()
        .addScanners(Findings.report("container", ScannerStatus.DEGRADED, "trivy not installed")).build();
    var d = fx.gate.evaluate(req).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList()).contains("ERROR scanner 'container' DEGRADED: trivy not installed");
  }

  @ParameterizedTest(name = "suppression by {0}")
  @ValueSource(strings = {
      "fingerprint: FP",
      "rule: GHSA-jfh8-c2jp-5v3q",
      "path: \"**/pom.xml\"",
      "package: {ecosystem: maven, name: org.apache.logging.log4j:log4j-core}",
      "package: pkg:maven/org.apache.logging.log4j/log4j-core",
      "advisory: CVE-2021-44228",
  })
  @DisplayName("each suppression kind suppresses log4shell, keeps it visible and the gate passes")
  void suppressionKinds(String selector) {
    String policy = "suppressions:\n  - " + selector.replace("FP", Findings.LOG4SHELL.getFingerprint())
        + "\n    reason: mitigated by log4j2.formatMsgNoLookups\n    expires: 2026-12-31\n";
    var r = eval("s1", List.of(Findings.LOG4SHELL, Findings.LOW_INFO), policy);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.PASS);
    var log4j = r.findings().get(0);
    assertThat(log4j.status()).isEqualTo(FindingStatus.SUPPRESSED);
    assertThat(log4j.suppressedBy().orElseThrow().describe()).contains("mitigated by log4j2.formatMsgNoLookups")
        .contains("2026-12-31");
    assertThat(r.findings().get(1).status()).isEqualTo(FindingStatus.NEW);
    assertThat(r.decision().getRiskScore()).as("scan risk ignores suppressed findings")
        .isEqualTo(log4jFree(r));
  }

  private static int log4jFree(Gate.Result r) {
    return r.findings().get(1).risk().score();
  }

  @Test
  @DisplayName("a path glob with * stays in one folder; rule and path together must both match")
  void combinedCriteria() {
    String policy = """
        suppressions:
          - rule: secret.*
            path: "config/*.properties"
            reason: fake credentials for the demo
            expires: 2026-07-01
        """;
    var r = eval("s1", List.of(Findings.AWS_KEY, Findings.SQLI), policy);
    assertThat(r.findings()).extracting(AssessedFinding::status)
        .containsExactly(FindingStatus.SUPPRESSED, FindingStatus.NEW);
    assertThat(r.decision().getReasonsList()).noneMatch(l -> l.startsWith("DENY secrets"));
  }

  @Test
  @DisplayName("expired, reason-less, expiry-less and too-distant suppressions are not applied and are listed")
  void badSuppressionsReported() {
    String policy = """
        suppressions:
          - advisory: CVE-2021-44228
            reason: was patched
            expires: 2026-05-31
          - rule: java.sqli.tainted-query
            expires: 2026-12-31
          - rule: secret.aws-access-key
            reason: fake
          - rule: DS-0002
            reason: forever
            expires: 2030-01-01
          - path: "src/**"
            reason: bad date
            expires: next tuesday
        """;
    var r = eval("s1", List.of(Findings.LOG4SHELL, Findings.SQLI, Findings.AWS_KEY, Findings.DOCKER_ROOT), policy);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.findings()).allMatch(a -> a.status() == FindingStatus.NEW);
    var ignored = r.decision().getReasonsList().stream().filter(l -> l.startsWith("IGNORED")).toList();
    assertThat(ignored).hasSize(5);
    assertThat(ignored.get(0)).contains(".bulwark.yaml:2:5").contains("expired on 2026-05-31");
    assertThat(ignored.get(1)).contains(".bulwark.yaml:5:5").contains("reason is required");
    assertThat(ignored.get(2)).contains("expires is required");
    assertThat(ignored.get(3)).contains("more than one year ahead");
    assertThat(ignored.get(4)).contains(".bulwark.yaml:14:14").contains("ISO date");
  }

  @Test
  @DisplayName("a suppressed finding still counts for NEW/EXISTING in the next scan")
  void suppressedFindingsAreRemembered() {
    String policy = "suppressions:\n  - rule: java.sqli.tainted-query\n    reason: r\n    expires: 2026-12-31\n";
    eval("s1", List.of(Findings.SQLI), policy);
    assertThat(eval("s2", List.of(Findings.SQLI), "").findings().get(0).status()).isEqualTo(FindingStatus.EXISTING);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "failOn: {severity: HIGH\n|.bulwark.yaml:2:1: malformed YAML",
      "failon:\n  severity: HIGH\n|.bulwark.yaml:1:1: unknown key 'failon' in the policy",
      "failOn:\n  severity: SEVERE\n|.bulwark.yaml:2:13: failOn.severity must be one of",
      "failOn:\n  onlyNew: maybe\n|.bulwark.yaml:2:12: failOn.onlyNew must be true or false",
      "suppressions: everything\n|.bulwark.yaml:1:15: suppressions must be a list",
      "- just\n- a list\n|.bulwark.yaml:1:1: the policy must be a mapping",
      "failOn: {severity: HIGH}\nfailOn: {severity: LOW}\n|duplicate key",
      "a: &a [x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
          + "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          + "|malformed YAML: Number of aliases",
  })
  @DisplayName("a malformed .bulwark.yaml gives ERROR with file, line and column, never PASS")
  void malformedIsError(String testCase) {
    var parts = testCase.split("\\|");
    var r = eval("s1", List.of(Findings.LOW_INFO), parts[0]);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.decision().getReasonsList().get(0)).startsWith("ERROR policy").contains(parts[1]);
    assertThat(r.findings()).hasSize(1);
  }
}
