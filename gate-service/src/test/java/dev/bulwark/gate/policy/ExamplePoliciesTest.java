package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.policy.file.PolicyParser;
import dev.bulwark.gate.policy.rule.PolicyRule;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the example policies in examples/policies on a vulnerable-app-like scan")
class ExamplePoliciesTest {
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

  static String policy(String name) throws IOException {
    return Files.readString(SharedFixtures.repoRoot().resolve("examples/policies").resolve(name));
  }

  private Gate.Result eval(String scanId, List<Finding> findings, String policy) {
    return fx.gate.evaluate(Findings.request(scanId, "p", findings, policy));
  }

  private static List<String> denied(Gate.Result r) {
    return r.decision().getReasonsList().stream().filter(l -> l.startsWith("DENY")).toList();
  }

  @Test
  @DisplayName("severity-thresholds: the vulnerable app fails on log4j, SQLi and the Dockerfile; junit only warns")
  void severityThresholds() throws IOException {
    var p = policy("severity-thresholds.yaml");
    var r = eval("s1", Findings.vulnerableApp(), p);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(denied(r)).singleElement().asString().contains("GHSA-jfh8-c2jp-5v3q").contains("java.sqli")
        .doesNotContain("node-fetch");
    var clean = eval("s2", List.of(Findings.JUNIT, Findings.LOW_INFO, Findings.NODE_FETCH_DEV), p);
    assertThat(clean.decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(clean.decision().getReasonsList()).anyMatch(l -> l.startsWith("WARN medium-anywhere") && l.contains("junit"));
  }

  @Test
  @DisplayName("only-new: the first scan fails, the same findings again pass with a warning, a new one fails alone")
  void onlyNew() throws IOException {
    var p = policy("only-new.yaml");
    assertThat(eval("s1", Findings.vulnerableApp(), p).decision().getVerdict()).isEqualTo(Verdict.FAIL);
    var again = eval("s2", Findings.vulnerableApp(), p);
    assertThat(again.decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(again.decision().getReasonsList()).anyMatch(l -> l.startsWith("WARN existing-debt"));
    var leak = Findings.code("sast", "secret.github-pat", dev.bulwark.v1.Severity.HIGH, 798,
        "config/application.properties", 5, "github.token=ghp_****");
    var withNew = new java.util.ArrayList<>(Findings.vulnerableApp());
    withNew.add(leak);
    var third = eval("s3", withNew, p);
    assertThat(third.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(denied(third)).allMatch(l -> l.contains("secret.github-pat") && !l.contains("log4j"));
  }

  @Test
  @DisplayName("kev-or-critical-with-fix: log4j (KEV) and minimist (critical, fixed) fail; jackson (high) and test scope do not")
  void kevOrCriticalWithFix() throws IOException {
    var p = policy("kev-or-critical-with-fix.yaml");
    var r = eval("s1", Findings.vulnerableApp(), p);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(denied(r)).anySatisfy(l -> assertThat(l).startsWith("DENY kev-in-runtime").contains("log4j-core")
        .doesNotContain("minimist"));
    assertThat(denied(r)).anySatisfy(l -> assertThat(l).startsWith("DENY critical-with-fix").contains("minimist"));
    assertThat(String.join("\n", denied(r))).doesNotContain("jackson").doesNotContain("junit");
    var noFix = Findings.MINIMIST.toBuilder().setPackage(Findings.MINIMIST.getPackage().toBuilder().clearFixedVersions()).build();
    assertThat(eval("s2", List.of(noFix, Findings.JACKSON, Findings.JUNIT), p).decision().getVerdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("no-secrets-ever: a committed secret fails even when suppressed")
  void noSecretsEver() throws IOException {
    var p = policy("no-secrets-ever.yaml") + """
        suppressions:
          - {rule: "secret.*", reason: demo credentials, expires: 2026-12-31}
          - {rule: config.password-in-properties, reason: demo credentials, expires: 2026-12-31}
        """;
    var r = eval("s1", Findings.vulnerableApp(), p);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(denied(r)).singleElement().asString().startsWith("DENY no-secrets-ever");
    assertThat(eval("s2", List.of(Findings.LOG4SHELL, Findings.SQLI), p).decision().getVerdict())
        .as("only secrets count").isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("fail-on-degraded: a DEGRADED scanner fails the gate; a FAILED one is still ERROR")
  void failOnDegraded() throws IOException {
    var p = policy("fail-on-degraded.yaml");
    var clean = List.of(Findings.LOW_INFO);
    assertThat(eval("s1", clean, p).decision().getVerdict()).isEqualTo(Verdict.PASS);
    EvaluateRequest degraded = Findings.request("s2", "p", clean, p).toBuilder()
        .addScanners(Findings.report("sca", ScannerStatus.DEGRADED, "web/yarn.lock: unsupported format")).build();
    var d = fx.gate.evaluate(degraded).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList()).anyMatch(l -> l.startsWith("DENY scanner-degraded"));
    EvaluateRequest failed = Findings.request("s3", "p", clean, p).toBuilder()
        .addScanners(Findings.report("container", ScannerStatus.FAILED, "unreachable")).build();
    assertThat(fx.gate.evaluate(failed).decision().getVerdict()).isEqualTo(Verdict.ERROR);
  }

  @Test
  @DisplayName("every example policy parses and compiles")
  void allCompile() throws IOException {
    try (var files = Files.list(SharedFixtures.repoRoot().resolve("examples/policies"))) {
      var names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
      assertThat(names).hasSize(6);
      for (String n : names) {
        var file = PolicyParser.parse(policy(n), n, java.time.LocalDate.now());
        assertThat(Policy.compile(file).rules()).as(n).isNotEmpty().allMatch(r -> r instanceof PolicyRule.CelRule);
      }
    }
  }
  @Test
  @DisplayName("central/org-baseline: a repository cannot loosen it, nor suppress a CRITICAL finding in .bulwarkignore.yaml")
  void centralBaseline() throws IOException {
    fx.gate.policies().set("acme/shop", policy("central/org-baseline.yaml"), "secteam");
    String loosening = """
        rules:
          - name: high-in-runtime
            expr: "false"
            action: deny
            message: never
        """;
    String ignore = """
        suppressions:
          - advisory: GHSA-jfh8-c2jp-5v3q
            reason: we upgrade next sprint
            expires: %s
        """.formatted(java.time.LocalDate.now().plusMonths(1));
    var request = Findings.request("c1", "acme/shop", List.of(Findings.LOG4SHELL, Findings.JACKSON), loosening)
        .toBuilder().setRepoPolicyPath(".bulwark/policy.yaml")
        .setRepoIgnore(ignore).setRepoIgnorePath(".bulwarkignore.yaml").build();
    var d = fx.gate.evaluate(request).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList()).anyMatch(l -> l.startsWith("WARN policy .bulwark/policy.yaml: rule 'high-in-runtime' ignored"));
    assertThat(d.getReasonsList()).anyMatch(l -> l.startsWith("DENY") && l.contains("jackson"));
    assertThat(d.getReasonsList()).anyMatch(l -> l.startsWith("WARN policy: suppression") && l.contains("GHSA-jfh8-c2jp-5v3q") && l.contains("not applied"));
    var secret = fx.gate.evaluate(Findings.request("c2", "acme/shop", List.of(Findings.AWS_KEY), "")).decision();
    assertThat(secret.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(secret.getReasonsList()).anyMatch(l -> l.startsWith("DENY no-committed-secrets"));
  }
}
