package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.decision.DecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.suppression.CentralSuppressions;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Baselines, central suppressions and overrides on every supported database; one subclass per database. */
abstract class GateWorkflowContract {
  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  static final String ONLY_NEW = "failOn: {onlyNew: true}\n";

  private TestDatabases.TestDb db;
  private JdbiDecisionStore store;
  private Gate gate;

  abstract TestDatabases.TestDb open() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    store = JdbiDecisionStore.migrated(db.dataSource());
    gate = gateAt(NOW);
  }

  private Gate gateAt(Instant t) {
    return new Gate(store, Clock.fixed(t, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  private static EvaluateRequest onBranch(String scanId, String branch, String baseline, List<Finding> findings,
      String policy) {
    var r = Findings.request(scanId, "acme/shop", findings, policy).toBuilder();
    r.getContextBuilder().setBranch(branch);
    return r.setBaselineBranch(baseline).build();
  }

  @Test
  @DisplayName("baseline: against main, ONE new finding alone fails (onlyNew), the others are EXISTING, a removed one is fixed")
  void pullRequestAgainstMain() {
    gate.evaluate(onBranch("main-1", "main", "", List.of(Findings.LOG4SHELL, Findings.SQLI, Findings.JACKSON), ""));
    // An older scan of the PR branch with other findings must not be the baseline.
    gate.evaluate(onBranch("pr-0", "feature/x", "", List.of(Findings.MINIMIST), ""));

    var pr = gate.evaluate(onBranch("pr-1", "feature/x", "main",
        List.of(Findings.LOG4SHELL, Findings.SQLI, Findings.MINIMIST), ONLY_NEW));
    assertThat(pr.findings()).extracting(a -> a.finding().getRuleId() + "=" + a.status())
        .containsExactly("GHSA-jfh8-c2jp-5v3q=EXISTING", "java.sqli.tainted-query=EXISTING",
            "GHSA-xvch-5gv4-984h=NEW");
    assertThat(pr.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(pr.decision().getReasonsList().get(0)).startsWith("DENY severity: 1 finding").contains("minimist")
        .doesNotContain("log4j").doesNotContain("sqli");
    assertThat(pr.fixed()).extracting(Finding::getFingerprint).containsExactly(Findings.JACKSON.getFingerprint());
    assertThat(store.findingStatuses("pr-1")).containsEntry(Findings.MINIMIST.getFingerprint(), "NEW");

    var withoutNew = gate.evaluate(onBranch("pr-2", "feature/x", "main", List.of(Findings.LOG4SHELL), ONLY_NEW));
    assertThat(withoutNew.decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(withoutNew.fixed()).extracting(Finding::getRuleId)
        .containsExactly("java.sqli.tainted-query", "GHSA-288c-cq4h-88gq");
  }

  @Test
  @DisplayName("baseline: the LATEST scan of the baseline branch counts; a branch never scanned makes everything NEW")
  void latestScanOfBaseline() {
    gate.evaluate(onBranch("main-1", "main", "", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(onBranch("main-2", "main", "", List.of(Findings.JACKSON), ""));
    var pr = gate.evaluate(onBranch("pr-1", "feature/x", "main", List.of(Findings.LOG4SHELL, Findings.JACKSON), ""));
    assertThat(pr.findings()).extracting(a -> a.status()).containsExactly(FindingStatus.NEW, FindingStatus.EXISTING);
    var none = gate.evaluate(onBranch("pr-2", "feature/y", "develop", List.of(Findings.JACKSON), ""));
    assertThat(none.findings()).extracting(a -> a.status()).containsExactly(FindingStatus.NEW);
    assertThat(none.fixed()).isEmpty();
  }

  @Test
  @DisplayName("without baseline_branch, fixed lists what the previous scan of the same branch had")
  void fixedAgainstPreviousScan() {
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL, Findings.SQLI), ""));
    var second = gate.evaluate(Findings.request("s2", "p", List.of(Findings.SQLI), ""));
    assertThat(second.fixed()).extracting(Finding::getRuleId).containsExactly("GHSA-jfh8-c2jp-5v3q");
  }

  @Test
  @DisplayName("central suppressions persist, apply alongside in-repo ones (SUPPRESSED, visible), and expire with a reason")
  void centralSuppressions() {
    var added = gate.suppressions().add(new CentralSuppressions.Request("acme/shop", "", "", "", "", "CVE-2021-44228",
        "patched by JVM flag -Dlog4j2.formatMsgNoLookups", "2026-06-30", "alice"));
    gate.suppressions().add(new CentralSuppressions.Request("other/project", "", "java.*", "", "", "",
        "another project's business", "2026-06-30", "bob"));
    String repoPolicy = """
        suppressions:
          - path: "src/**/OrderServlet.java"
            reason: input is a validated integer
            expires: 2026-12-31
        """;
    var r = gate.evaluate(Findings.request("s1", "acme/shop", List.of(Findings.LOG4SHELL, Findings.SQLI,
        Findings.JACKSON), repoPolicy));
    assertThat(r.findings()).extracting(a -> a.status())
        .containsExactly(FindingStatus.SUPPRESSED, FindingStatus.SUPPRESSED, FindingStatus.NEW);
    assertThat(r.findings().get(0).suppressedBy().orElseThrow().describe()).contains("central " + added.id())
        .contains("JVM flag");
    assertThat(r.decision().getReasonsList().get(0)).contains("jackson").doesNotContain("log4j");

    var listed = gate.suppressions().list("acme/shop");
    assertThat(listed).singleElement().satisfies(s -> {
      assertThat(s.advisory()).isEqualTo("CVE-2021-44228");
      assertThat(s.rule()).isEmpty();
      assertThat(s.createdBy()).isEqualTo("alice");
      assertThat(gate.suppressions().expired(s)).isFalse();
    });

    // A month later it has expired: listed as such, not applied, and the decision says so.
    var later = gateAt(Instant.parse("2026-07-01T08:00:00Z"));
    assertThat(later.suppressions().expired(later.suppressions().list("acme/shop").get(0))).isTrue();
    var after = later.evaluate(Findings.request("s2", "acme/shop", List.of(Findings.LOG4SHELL), ""));
    assertThat(after.findings().get(0).status()).isEqualTo(FindingStatus.EXISTING);
    assertThat(after.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(after.decision().getReasonsList())
        .anyMatch(x -> x.startsWith("IGNORED central suppression " + added.id()) && x.contains("expired on 2026-06-30"));

    gate.suppressions().remove(added.id());
    assertThat(gate.suppressions().list("acme/shop")).isEmpty();
    assertThatThrownBy(() -> gate.suppressions().remove(added.id())).isInstanceOfSatisfying(Refusal.class,
        e -> assertThat(e.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
  }

  @Test
  @DisplayName("the inputs digest covers the central suppressions applied: same request, same digest, until one is added")
  void inputsDigestCoversCentralSuppressions() {
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("s2", "p", List.of(Findings.LOG4SHELL), ""));
    gate.suppressions().add(new CentralSuppressions.Request("p", Findings.LOG4SHELL.getFingerprint(), "", "", "", "",
        "accepted until the upgrade", "2026-07-01", "alice"));
    gate.evaluate(Findings.request("s3", "p", List.of(Findings.LOG4SHELL), ""));
    String d1 = store.latestDecision("s1").orElseThrow().inputsDigest();
    assertThat(store.latestDecision("s2").orElseThrow().inputsDigest()).isEqualTo(d1);
    assertThat(store.latestDecision("s3").orElseThrow().inputsDigest()).isNotEqualTo(d1);
  }

  @Test
  @DisplayName("decisions filter by project and branch and page newest first until the last page")
  void pagedDecisions() {
    for (int i = 1; i <= 5; i++) {
      gate.evaluate(onBranch("main-" + i, "main", "", List.of(), ""));
      gate.evaluate(onBranch("pr-" + i, "feature/x", "main", List.of(), ""));
    }
    gate.evaluate(Findings.request("elsewhere", "other", List.of(), ""));
    var first = gate.listDecisions(new DecisionStore.DecisionQuery("acme/shop", "main", 0, 2));
    assertThat(first.decisions()).extracting(d -> d.getScanId()).containsExactly("main-5", "main-4");
    var second = gate.listDecisions(new DecisionStore.DecisionQuery("acme/shop", "main", first.nextBefore(), 2));
    assertThat(second.decisions()).extracting(d -> d.getScanId()).containsExactly("main-3", "main-2");
    var last = gate.listDecisions(new DecisionStore.DecisionQuery("acme/shop", "main", second.nextBefore(), 2));
    assertThat(last.decisions()).extracting(d -> d.getScanId()).containsExactly("main-1");
    assertThat(last.nextBefore()).isZero();
    var prs = gate.listDecisions(new DecisionStore.DecisionQuery("acme/shop", "feature/x", 0, 10));
    assertThat(prs.decisions()).hasSize(5).allMatch(d -> d.getContext().getBranch().equals("feature/x"));
    assertThat(prs.nextBefore()).isZero();
    assertThat(gate.listDecisions(new DecisionStore.DecisionQuery("", "", 0, 100)).decisions()).hasSize(11);
  }

  @Test
  @DisplayName("override: a FAIL becomes a new PASS decision with justification, identity and time; ListDecisions shows both")
  void override() {
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL), ""));
    var later = gateAt(Instant.parse("2026-06-01T11:30:00Z"));
    var o = later.override("s1", "hotfix for outage INC-7, log4j patched in the next release", "carol@acme");
    assertThat(o.getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(o.getOverridden()).isTrue();
    assertThat(o.getDecidedAt()).isEqualTo("2026-06-01T11:30:00Z");
    assertThat(o.getReasonsList().get(0)).startsWith("OVERRIDE FAIL -> PASS by carol@acme: hotfix");

    var decisions = gate.listDecisions("p", 10);
    assertThat(decisions).extracting(d -> d.getVerdict() + ":" + d.getOverridden())
        .containsExactly("PASS:true", "FAIL:false");
    var stored = decisions.get(0);
    assertThat(stored.getOverrideIdentity()).isEqualTo("carol@acme");
    assertThat(stored.getOverrideJustification()).contains("INC-7");
    assertThat(stored.getDecidedAt()).isEqualTo("2026-06-01T11:30:00Z");
    assertThat(stored.getRiskScore()).isEqualTo(100);
    assertThat(stored.getContext().getCommit()).isEqualTo("abc123");
    assertThat(store.latestDecision("s1").orElseThrow().inputsDigest()).hasSize(64);

    assertThatThrownBy(() -> gate.override("s1", "again", "carol@acme")).isInstanceOfSatisfying(Refusal.class,
        e -> {
          assertThat(e.reason()).isEqualTo(Refusal.Reason.PRECONDITION);
          assertThat(e.getMessage()).contains("already overridden by carol@acme");
        });
  }

  @Test
  @DisplayName("central policies: every version stored, the newest in force and applied, a removal stored too")
  void centralPolicies() {
    var first = gate.policies().set("acme/shop", "failOn: {severity: CRITICAL}\nrepo: {allow: none}\n", "alice");
    assertThat(first.repoAllow()).isEqualTo("none");
    String text = "# " + "x".repeat(5000) + "\nrules:\n  - name: no-high\n    expr: finding.severity_rank >= 4\n"
        + "    action: deny\nrepo:\n  suppressions: none\n";
    var second = gate.policies().set("acme/shop", text, "bob");
    assertThat(store.policies().latest("acme/shop")).hasValueSatisfying(p -> {
      assertThat(p.text()).isEqualTo(text);
      assertThat(p.version()).isEqualTo(second.version()).isNotEqualTo(first.version());
      assertThat(p.repoAllow()).isEqualTo("tighten, no suppressions");
      assertThat(p.setBy()).isEqualTo("bob");
      assertThat(p.setAt()).isEqualTo(NOW);
    });
    assertThat(store.policies().latest("acme/other")).isEmpty();

    var d = gate.evaluate(onBranch("s1", "main", "", List.of(Findings.JACKSON), "")).decision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getReasonsList().get(0)).startsWith("DENY no-high:");
    assertThat(d.getPolicies(1).getVersion()).isEqualTo(second.version());
    assertThat(store.latestDecision("s1").orElseThrow().decision().getPoliciesList()).isEqualTo(d.getPoliciesList());
    gate.override("s1", "hotfix", "carol");
    assertThat(store.latestDecision("s1").orElseThrow().decision().getPoliciesList())
        .as("an override keeps the layers of the decision it overrides").isEqualTo(d.getPoliciesList());

    gate.policies().set("acme/shop", "", "carol");
    assertThat(gate.policies().current("acme/shop")).isEmpty();
    assertThat(store.policies().latest("acme/shop")).hasValueSatisfying(p -> assertThat(p.setBy()).isEqualTo("carol"));
    assertThat(gate.evaluate(onBranch("s2", "main", "", List.of(Findings.JACKSON), "")).decision().getReasonsList()
        .get(0)).startsWith("DENY severity:");
  }
}
