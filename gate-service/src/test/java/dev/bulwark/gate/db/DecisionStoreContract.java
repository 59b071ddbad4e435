package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
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

/** What the gate's record must do on every supported database; one subclass per database. */
abstract class DecisionStoreContract {
  private TestDatabases.TestDb db;
  private JdbiDecisionStore store;
  private Gate gate;

  abstract TestDatabases.TestDb open() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    store = JdbiDecisionStore.migrated(db.dataSource());
    gate = new Gate(store, Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  @DisplayName("a finding seen in the previous scan of the same project and branch is EXISTING, a new one NEW")
  void newVersusExisting() {
    gate.evaluate(Findings.request("scan-1", "acme/shop", List.of(Findings.LOG4SHELL, Findings.SQLI), ""));
    var second = gate.evaluate(Findings.request("scan-2", "acme/shop",
        List.of(Findings.LOG4SHELL, Findings.SQLI, Findings.JACKSON), ""));
    assertThat(second.findings()).extracting(a -> a.finding().getRuleId() + "=" + a.status())
        .containsExactly("GHSA-jfh8-c2jp-5v3q=EXISTING", "java.sqli.tainted-query=EXISTING",
            "GHSA-288c-cq4h-88gq=NEW");
    assertThat(store.findingStatuses("scan-2")).containsEntry(Findings.JACKSON.getFingerprint(), "NEW")
        .containsEntry(Findings.LOG4SHELL.getFingerprint(), "EXISTING");
    // Another project starts afresh.
    var other = gate.evaluate(Findings.request("scan-3", "acme/other", List.of(Findings.LOG4SHELL), ""));
    assertThat(other.findings().get(0).status()).isEqualTo(FindingStatus.NEW);
  }

  @Test
  @DisplayName("only the PREVIOUS scan counts: a finding fixed in between is NEW again")
  void onlyThePreviousScanCounts() {
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("s2", "p", List.of(), ""));
    var third = gate.evaluate(Findings.request("s3", "p", List.of(Findings.LOG4SHELL), ""));
    assertThat(third.findings().get(0).status()).isEqualTo(FindingStatus.NEW);
  }

  @Test
  @DisplayName("re-evaluating the same scan id compares with the scan before it, not with itself")
  void retryOfSameScan() {
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("s2", "p", List.of(Findings.JACKSON), ""));
    var retry = gate.evaluate(Findings.request("s2", "p", List.of(Findings.JACKSON, Findings.LOG4SHELL), ""));
    assertThat(retry.findings()).extracting(a -> a.status())
        .containsExactly(FindingStatus.NEW, FindingStatus.EXISTING);
    assertThat(store.findingStatuses("s2")).hasSize(2);
  }

  @Test
  @DisplayName("ListDecisions returns decisions newest first, filtered by project, with reasons and context")
  void listDecisions() {
    gate.evaluate(Findings.request("a1", "alpha", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("b1", "beta", List.of(), ""));
    gate.evaluate(Findings.request("a2", "alpha", List.of(Findings.LOW_INFO), ""));
    var alpha = gate.listDecisions("alpha", 10);
    assertThat(alpha).extracting(d -> d.getScanId()).containsExactly("a2", "a1");
    assertThat(alpha.get(1).getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(alpha.get(1).getReasonsList()).anyMatch(r -> r.contains("GHSA-jfh8-c2jp-5v3q"));
    assertThat(alpha.get(1).getContext().getRequestedBy()).isEqualTo("ci:job-42");
    assertThat(alpha.get(1).getDecidedAt()).isEqualTo("2026-06-01T10:00:00Z");
    assertThat(alpha.get(1).getPolicyVersion()).isNotEmpty();
    assertThat(gate.listDecisions("", 2)).extracting(d -> d.getScanId()).containsExactly("a2", "b1");
  }

  @Test
  @DisplayName("applied and ignored suppressions are recorded with the decision")
  void suppressionsRecorded() {
    String policy = """
        suppressions:
          - advisory: CVE-2021-44228
            reason: patched by JVM flag
            expires: 2026-12-31
          - rule: java.sqli.tainted-query
            expires: 2026-12-31
        """;
    gate.evaluate(Findings.request("s1", "p", List.of(Findings.LOG4SHELL, Findings.SQLI), policy));
    var rows = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT state || ':' || matched FROM suppressions ORDER BY id").mapTo(String.class).list());
    assertThat(rows).containsExactly("APPLIED:1", "IGNORED:0");
    var digest = db.jdbi().withHandle(h -> h.createQuery("SELECT inputs_digest FROM decisions").mapTo(String.class).one());
    assertThat(digest).hasSize(64);
  }
}
