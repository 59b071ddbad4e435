package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.core.Findings;
import dev.bulwark.gate.core.Gate;
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
    store = JdbiDecisionStore.migrated(db.jdbi());
    gate = new Gate(store, Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  @DisplayName("migrations apply once: a second run applies nothing and the version stays 1")
  void migrationsAreIdempotent() {
    assertThat(Migrations.currentVersion(db.jdbi())).isEqualTo(Migrations.SCRIPTS.size());
    assertThat(Migrations.migrate(db.jdbi())).isEmpty();
    assertThat(Migrations.currentVersion(db.jdbi())).isEqualTo(Migrations.SCRIPTS.size());
  }

  @Test
  @DisplayName("two processes migrating the same database at once both end with one applied schema")
  void concurrentMigrations() throws Exception {
    // A second Jdbi on the same database, as a second gate replica would have.
    var other = db.name().equals("H2") ? db.jdbi() : org.jdbi.v3.core.Jdbi.create(db.url(), db.user(), db.password());
    other.useHandle(h -> h.execute("DROP TABLE evaluation_replies"));
    other.useHandle(h -> h.execute("DROP TABLE central_policies"));
    other.useHandle(h -> h.execute("DROP TABLE central_suppressions"));
    other.useHandle(h -> h.execute("DROP TABLE suppressions"));
    other.useHandle(h -> h.execute("DROP TABLE decisions"));
    other.useHandle(h -> h.execute("DROP TABLE findings"));
    other.useHandle(h -> h.execute("DROP TABLE scans"));
    other.useHandle(h -> h.execute("DELETE FROM schema_version"));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> Migrations.migrate(db.jdbi()));
      var b = pool.submit(() -> Migrations.migrate(other));
      assertThat(a.get().size() + b.get().size()).as("applied exactly once in total").isEqualTo(Migrations.SCRIPTS.size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(Migrations.currentVersion(db.jdbi())).isEqualTo(Migrations.SCRIPTS.size());
    gate.evaluate(Findings.request("after", "p", List.of(Findings.SQLI), ""));
    assertThat(store.findingStatuses("after")).hasSize(1);
  }

  @Test
  @DisplayName("upgrading a version-1 database keeps its decisions (not overridden) and lets them be overridden")
  void upgradeFromVersion1() {
    var jdbi = db.jdbi();
    for (String t : List.of("evaluation_replies", "central_policies", "central_suppressions", "suppressions",
        "decisions", "findings", "scans")) {
      jdbi.useHandle(h -> h.execute("DROP TABLE " + t));
    }
    jdbi.useHandle(h -> h.execute("DELETE FROM schema_version"));
    assertThat(Migrations.migrate(jdbi, 1)).containsExactly(1);
    jdbi.useHandle(h -> {
      h.execute("INSERT INTO scans (scan_id, project, branch, commit_id, requested_by, created_at) "
          + "VALUES ('old', 'legacy', 'main', 'c0ffee', 'ci', TIMESTAMP WITH TIME ZONE '2026-05-01 00:00:00+00')");
      h.execute("INSERT INTO decisions (scan_pk, scan_id, project, branch, commit_id, verdict, risk_score, reasons, "
          + "policy_version, scanner_statuses, inputs_digest, requested_by, decided_at) SELECT id, 'old', 'legacy', "
          + "'main', 'c0ffee', 'FAIL', 90, '[\"DENY severity: old\"]', 'v1', '{}', 'd', 'ci', created_at FROM scans");
    });
    assertThat(Migrations.migrate(jdbi)).containsExactly(2, 3, 4);
    var old = gate.listDecisions("legacy", 10);
    assertThat(old).singleElement().satisfies(d -> {
      assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
      assertThat(d.getOverridden()).isFalse();
      assertThat(d.getOverrideIdentity()).isEmpty();
      assertThat(d.getPoliciesList()).as("recorded before policy layers existed").isEmpty();
    });
    assertThat(gate.override("old", "legacy release", "ops").getOverridden()).isTrue();
    assertThat(gate.listDecisions("legacy", 10)).extracting(d -> d.getVerdict()).containsExactly(Verdict.PASS, Verdict.FAIL);
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
