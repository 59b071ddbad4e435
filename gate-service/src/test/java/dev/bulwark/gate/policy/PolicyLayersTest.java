package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.suppression.CentralSuppressions;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("policy layers: built-in default → central policy of the project → the repository's .bulwark/policy.yaml")
class PolicyLayersTest {
  static final String PROJECT = "acme/shop";
  static final String REPO_PATH = ".bulwark/policy.yaml";

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

  /** A test input under src/test/resources/policy-layers. */
  static String file(String name) {
    try (var in = PolicyLayersTest.class.getResourceAsStream("/policy-layers/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource policy-layers/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Gate.Result eval(String scanId, List<Finding> findings, String repoPolicy) {
    return fx.gate.evaluate(Findings.request(scanId, PROJECT, findings, repoPolicy).toBuilder()
        .setRepoPolicyPath(REPO_PATH).build());
  }

  @Test
  @DisplayName("a central deny the repository tries to disable (same rule name) still fails, and the attempt is reported")
  void centralDenyCannotBeDisabled() {
    fx.gate.policies().set(PROJECT, file("central-critical.yaml"), "secteam");
    var d = eval("s1", List.of(Findings.LOG4SHELL), file("repo-disables-central.yaml")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("DENY no-critical:").contains("log4j"));
    assertThat(d.getReasonsList()).contains("WARN policy " + REPO_PATH
        + ": rule 'no-critical' ignored: it would replace the central rule of that name");
  }

  @Test
  @DisplayName("without a central policy the same repository rule replaces the default (legacy behaviour) and passes")
  void withoutCentralTheRepositoryDecides() {
    var d = eval("s1", List.of(Findings.LOG4SHELL), file("repo-disables-central.yaml")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(d.getPoliciesList()).extracting(AppliedPolicy::getLayer).containsExactly("default", "repo");
  }

  @Test
  @DisplayName("a stricter deny added by the repository fires on top of the central rules")
  void repositoryAddsStricterDeny() {
    fx.gate.policies().set(PROJECT, file("central-critical.yaml"), "secteam");
    var findings = List.of(Findings.WEAK_RANDOM);
    assertThat(eval("s0", findings, "").decision().getVerdict()).as("central alone").isEqualTo(Verdict.PASS);
    var d = eval("s1", findings, file("repo-stricter.yaml")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("DENY no-medium-code:")
        .contains("java.crypto.weak-random"));
  }

  @Test
  @DisplayName("the decision names every layer applied with its version; the central version is the stored one")
  void decisionRecordsLayerVersions() {
    var stored = fx.gate.policies().set(PROJECT, file("central-critical.yaml"), "secteam");
    var d = eval("s1", List.of(Findings.SQLI), file("repo-stricter.yaml")).decision();
    assertThat(d.getPoliciesList()).extracting(p -> p.getLayer() + " " + p.getSource()).containsExactly(
        "default " + PolicyLayers.DEFAULT_SOURCE, "central central policy of acme/shop", "repo " + REPO_PATH);
    assertThat(d.getPolicies(1).getVersion()).isEqualTo(stored.version()).isNotEmpty();
    assertThat(d.getPolicies(2).getVersion()).isNotEqualTo(stored.version()).isNotEmpty();
    // The decision's version covers all layers: another repository file gives another version.
    var other = eval("s2", List.of(Findings.SQLI), file("repo-disables-central.yaml")).decision();
    assertThat(other.getPolicyVersion()).isNotEqualTo(d.getPolicyVersion());
    assertThat(fx.gate.listDecisions(PROJECT, 1).get(0).getPoliciesList()).isEqualTo(other.getPoliciesList());
  }

  @Test
  @DisplayName("looser failOn, lower exposure and repository suppressions are all ignored and reported under tighten")
  void looseningIsIgnoredAndReported() {
    fx.gate.policies().set(PROJECT, file("central-thresholds.yaml"), "secteam");
    var r = eval("s1", List.of(Findings.JACKSON, Findings.NODE_FETCH_DEV), file("repo-loosens.yaml"));
    var d = r.decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList().get(0)).startsWith("DENY severity: 2 findings").contains("jackson-databind")
        .contains("node-fetch");
    assertThat(d.getReasonsList()).anySatisfy(x -> assertThat(x).startsWith("WARN policy " + REPO_PATH
        + ": failOn ignored: it would loosen the central policy").contains("severity CRITICAL is above the central HIGH")
        .contains("scopes drop [DEV]").contains("onlyNew"));
    assertThat(d.getReasonsList()).anySatisfy(x -> assertThat(x).startsWith("IGNORED suppression purl "
        + "pkg:maven/com.fasterxml.jackson.core/jackson-databind").contains("repo.suppressions: none"));
    assertThat(r.findings()).extracting(AssessedFinding::status).doesNotContain(FindingStatus.SUPPRESSED);
    // exposure internal equals the central's: nothing to refuse, and the factor applies.
    assertThat(r.findings().get(0).risk().factor("exposure")).hasValueSatisfying(f -> assertThat(f.value())
        .isEqualTo("internal"));
  }

  @Test
  @DisplayName("stricter thresholds, scanner status and exposure from the repository are taken")
  void tighteningIsTaken() {
    fx.gate.policies().set(PROJECT, file("central-thresholds.yaml"), "secteam");
    var findings = List.of(Findings.WEAK_RANDOM);
    assertThat(eval("s0", findings, "").decision().getVerdict()).isEqualTo(Verdict.PASS);
    var req = Findings.request("s1", PROJECT, findings, file("repo-tightens-thresholds.yaml")).toBuilder()
        .setRepoPolicyPath(REPO_PATH).clearScanners()
        .addScanners(ScannerReport.newBuilder().setScanner("sast").setStatus(ScannerStatus.DEGRADED)
            .setMessage("2 files unparsable"))
        .build();
    var r = fx.gate.evaluate(req);
    assertThat(r.decision().getVerdict()).as("DEGRADED errors under the repository's stricter failOnScannerStatus")
        .isEqualTo(Verdict.ERROR);
    assertThat(r.decision().getReasonsList()).anySatisfy(x -> assertThat(x).startsWith("ERROR scanner 'sast' DEGRADED"));
    assertThat(r.decision().getReasonsList()).anySatisfy(x -> assertThat(x).startsWith("DENY severity:")
        .contains("at MEDIUM or above"));
    assertThat(r.findings().get(0).risk().factor("exposure")).hasValueSatisfying(f -> assertThat(f.value())
        .isEqualTo("internet-facing"));
    assertThat(r.decision().getReasonsList()).noneSatisfy(x -> assertThat(x).startsWith("WARN policy"));
  }

  @Test
  @DisplayName("repo.allow: none ignores the repository's policy and its ignore file, and says so")
  void allowNone() {
    fx.gate.policies().set(PROJECT, file("central-none.yaml"), "secteam");
    var req = Findings.request("s1", PROJECT, List.of(Findings.JACKSON, Findings.LOG4SHELL),
        file("repo-stricter.yaml")).toBuilder().setRepoPolicyPath(REPO_PATH)
        .setRepoIgnore("suppressions:\n  - advisory: CVE-2021-44228\n    reason: not reachable\n    expires: 2026-07-01\n")
        .build();
    var d = fx.gate.evaluate(req).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList().get(0)).startsWith("DENY severity: 1 finding").contains("log4j");
    assertThat(d.getReasonsList()).contains("WARN policy " + REPO_PATH
        + " ignored: the central policy allows no repository policy (repo.allow: none)");
    assertThat(d.getReasonsList()).anySatisfy(x -> assertThat(x).startsWith("IGNORED suppression advisory "
        + "CVE-2021-44228").endsWith("not applied: the central policy allows no repository policy (repo.allow: none)"));
    assertThat(d.getPoliciesList()).extracting(AppliedPolicy::getLayer).containsExactly("default", "central");
  }

  @Test
  @DisplayName("a central policy that does not compile is refused, naming the CEL error and its line; nothing is stored")
  void brokenCentralRefused() {
    assertThatThrownBy(() -> fx.gate.policies().set(PROJECT, file("central-broken-cel.yaml"), "secteam"))
        .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.reason()).isEqualTo(Refusal.Reason.INVALID))
        .hasMessageStartingWith("policy refused: central policy of acme/shop:6: rule 'broken' does not compile");
    assertThatThrownBy(() -> fx.gate.policies().set(PROJECT, file("central-bad-repo-block.yaml"), "secteam"))
        .hasMessageContaining("central policy of acme/shop:2:10: repo.allow must be tighten or none, not 'everything'");
    assertThat(fx.gate.policies().current(PROJECT)).isEmpty();
  }

  @Test
  @DisplayName("an empty central policy removes it: the repository's file decides alone again")
  void removal() {
    fx.gate.policies().set(PROJECT, file("central-critical.yaml"), "secteam");
    assertThat(eval("s1", List.of(Findings.LOG4SHELL), file("repo-disables-central.yaml")).decision().getVerdict())
        .isEqualTo(Verdict.FAIL);
    fx.gate.policies().set(PROJECT, "", "secteam");
    assertThat(fx.gate.policies().current(PROJECT)).isEmpty();
    assertThat(eval("s2", List.of(Findings.LOG4SHELL), file("repo-disables-central.yaml")).decision().getVerdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("a central policy of another project does not apply")
  void otherProject() {
    fx.gate.policies().set("acme/other", file("central-critical.yaml"), "secteam");
    var d = eval("s1", List.of(Findings.LOG4SHELL), file("repo-disables-central.yaml")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("repo.suppressUpTo: a repository suppression reaches MEDIUM findings, not HIGH ones, and says so")
  void suppressionsCappedBySeverity() {
    var stored = fx.gate.policies().set(PROJECT, file("central-suppress-up-to-medium.yaml"), "secteam");
    assertThat(stored.repoAllow()).isEqualTo("tighten, suppressions up to MEDIUM");
    var r = fx.gate.evaluate(Findings.request("s1", PROJECT, List.of(Findings.SQLI, Findings.WEAK_RANDOM), "")
        .toBuilder().setRepoIgnore(file("repo-ignore-high-and-medium.yaml")).setRepoIgnorePath(".bulwarkignore.yaml")
        .build());
    assertThat(r.findings()).extracting(a -> a.finding().getRuleId() + "=" + a.status())
        .containsExactly("java.sqli.tainted-query=NEW", "java.crypto.weak-random=SUPPRESSED");
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.decision().getReasonsList()).anySatisfy(x -> assertThat(x)
        .startsWith("WARN policy: suppression rule java.sqli.tainted-query, severity at most MEDIUM (central policy)")
        .contains("not applied to").contains("java.sqli.tainted-query")
        .endsWith("the central policy lets the repository suppress only findings up to MEDIUM"));
    // Central suppressions are not capped: the security team decides those.
    fx.gate.suppressions().add(new CentralSuppressions.Request(PROJECT, "", "java.sqli.tainted-query", "", "", "",
        "accepted by secteam, SEC-7", "2026-07-01", "secteam"));
    var again = fx.gate.evaluate(Findings.request("s2", PROJECT, List.of(Findings.SQLI), "")
        .toBuilder().setRepoIgnore(file("repo-ignore-high-and-medium.yaml")).build());
    assertThat(again.findings()).extracting(AssessedFinding::status).containsExactly(FindingStatus.SUPPRESSED);
    assertThat(again.decision().getVerdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  @DisplayName("under tighten, a repository policy that does not compile fails closed (ERROR naming its file and line)")
  void brokenRepositoryPolicyUnderCentral() {
    fx.gate.policies().set(PROJECT, file("central-critical.yaml"), "secteam");
    var d = eval("s1", List.of(Findings.WEAK_RANDOM),
        "rules:\n  - name: mine\n    expr: finding.no_such_field ==\n    action: deny\n").decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(d.getReasonsList().get(0)).startsWith("ERROR policy " + REPO_PATH + ":3: rule 'mine' does not compile");
  }

  @Test
  @DisplayName("a repository's per-scan rule (e.g. no suppressions at all) is added under tighten and fires")
  void repositoryPerScanRule() {
    fx.gate.policies().set(PROJECT, file("central-critical.yaml") + "suppressions:\n  - rule: java.sqli.*\n"
        + "    reason: reviewed\n    expires: 2026-07-01\n", "secteam");
    String repo = "rules:\n  - name: no-suppressions\n    on: scan\n"
        + "    expr: findings.exists(f, f.status == \"SUPPRESSED\")\n    action: deny\n"
        + "    message: \"this repository accepts no suppressed findings\"\n";
    var r = eval("s1", List.of(Findings.SQLI), repo);
    assertThat(r.findings()).extracting(AssessedFinding::status).containsExactly(FindingStatus.SUPPRESSED);
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.decision().getReasonsList()).contains(
        "DENY no-suppressions: this repository accepts no suppressed findings");
  }
}
