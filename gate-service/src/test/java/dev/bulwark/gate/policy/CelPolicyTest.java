package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CEL policy rules")
class CelPolicyTest {
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
  @DisplayName("a deny rule fails the gate naming its message and the findings; a warn rule only warns")
  void denyAndWarn() {
    String policy = """
        rules:
          - name: sqli
            expr: 89 in finding.cwe
            action: deny
            message: SQL injection
          - name: mediums
            expr: finding.severity == "MEDIUM"
            action: warn
        """;
    var d = eval("s1", List.of(Findings.SQLI, Findings.WEAK_RANDOM), policy).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("DENY sqli: SQL injection")
        .contains("java.sqli.tainted-query"));
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("WARN mediums: mediums")
        .contains("java.crypto.weak-random"));
    var warnOnly = eval("s2", List.of(Findings.WEAK_RANDOM), policy).decision();
    assertThat(warnOnly.getVerdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("a rule that does not compile gives ERROR with the CEL error and its line in the file")
  void compileError() {
    String policy = """
        rules:
          - name: fine
            expr: finding.risk > 50
            action: deny
          - name: broken
            expr: finding.severity == && true
            action: deny
        """;
    var d = eval("s1", List.of(Findings.LOW_INFO), policy).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList().get(0)).startsWith("ERROR policy .bulwark.yaml:6: rule 'broken' does not compile:");
  }

  @Test
  @DisplayName("a compile error inside a multi-line (block) expression points at the file line of the error")
  void blockExpressionLine() {
    String policy = """
        rules:
          - name: broken
            expr: |
              finding.severity == "HIGH" &&
                finding.cwe.exists(c, c ==)
            action: deny
        """;
    var d = eval("s1", List.of(), policy).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList().get(0)).startsWith("ERROR policy .bulwark.yaml:5: rule 'broken' does not compile")
        .contains("expression line 2").doesNotContain("\n");
  }

  @Test
  @DisplayName("a rule of the wrong type or naming an unknown variable is rejected when compiled")
  void typeErrors() {
    for (String expr : List.of("\"yes\"", "findingz.severity == \"HIGH\"")) {
      String policy = "rules:\n  - name: r\n    expr: '" + expr + "'\n    action: deny\n";
      var d = eval("s-" + expr.length(), List.of(Findings.LOW_INFO), policy).decision();
      assertThat(d.getVerdict()).as(expr).isEqualTo(Verdict.ERROR);
      assertThat(d.getReasonsList().get(0)).as(expr).contains(".bulwark.yaml:3: rule 'r' does not compile");
    }
  }

  @Test
  @DisplayName("a rule that fails at run time (missing key) gives ERROR, never PASS")
  void runtimeError() {
    String policy = "rules:\n  - name: r\n    expr: finding.no_such_field == \"x\"\n    action: deny\n";
    var d = eval("s1", List.of(Findings.LOW_INFO), policy).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("ERROR policy .bulwark.yaml:2: rule 'r' failed"));
  }

  @Test
  @DisplayName("rules and failOn together are rejected, since rules replace the built-in rules")
  void rulesAndFailOn() {
    var d = eval("s1", List.of(), "failOn: {severity: LOW}\nrules:\n  - {name: r, expr: 'true', action: warn}\n")
        .decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList().get(0)).contains("failOn and rules cannot both be set");
  }

  @Test
  @DisplayName("suppressions still apply to per-finding CEL rules")
  void suppressionsApply() {
    String policy = """
        rules:
          - {name: crit, expr: 'finding.severity == "CRITICAL"', action: deny}
        suppressions:
          - {advisory: CVE-2021-44228, reason: mitigated, expires: 2026-12-31}
        """;
    assertThat(eval("s1", List.of(Findings.LOG4SHELL), policy).decision().getVerdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("a scan rule sees the scanners")
  void scanRule() {
    String policy = "rules:\n  - {name: sca-ok, on: scan, expr: 'scan.scanners.exists(s, s.name == \"sca\" && s.status == \"DEGRADED\")', action: deny}\n";
    var req = Findings.request("s1", "p", List.of(), policy).toBuilder().clearScanners()
        .addScanners(Findings.report("sca", ScannerStatus.DEGRADED, "no advisories")).build();
    assertThat(fx.gate.evaluate(req).decision().getVerdict()).isEqualTo(Verdict.FAIL);
    var low = Findings.code("sast", "x", Severity.LOW, 0, "a", 1, "b");
    assertThat(eval("s2", List.of(low), policy).decision().getVerdict()).isEqualTo(Verdict.PASS);
  }
}
