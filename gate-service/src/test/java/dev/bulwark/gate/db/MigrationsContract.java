package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.v1.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the gate's schema comes to be and evolves, on every supported database (one subclass
 * each): Flyway applies the scripts once, two processes migrating at once stay safe, and a
 * database made by the gate's earlier {@code schema_version} runner is taken over with its data.
 */
abstract class MigrationsContract {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private static final List<String> ALL = List.of("1", "2", "3", "4");
  TestDatabases.TestDb db;

  abstract TestDatabases.TestDb open() throws Exception;

  /** A second data source on the same database, as a second gate replica would have. */
  abstract DataSource second();

  @BeforeEach
  void setUp() throws Exception {
    db = open();
  }

  @AfterEach
  void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  private Gate gate() {
    return new Gate(new JdbiDecisionStore(db.jdbi()), CLOCK);
  }

  /** An old decision, recorded straight into a version-1 schema. */
  private void legacyDecision() {
    db.jdbi().useHandle(h -> {
      h.execute("INSERT INTO scans (scan_id, project, branch, commit_id, requested_by, created_at) "
          + "VALUES ('old', 'legacy', 'main', 'c0ffee', 'ci', TIMESTAMP WITH TIME ZONE '2026-05-01 00:00:00+00')");
      h.execute("INSERT INTO decisions (scan_pk, scan_id, project, branch, commit_id, verdict, risk_score, reasons, "
          + "policy_version, scanner_statuses, inputs_digest, requested_by, decided_at) SELECT id, 'old', 'legacy', "
          + "'main', 'c0ffee', 'FAIL', 90, '[\"DENY severity: old\"]', 'v1', '{}', 'd', 'ci', created_at FROM scans");
    });
  }

  /** Runs the migrations of two "processes" at once; returns the versions each applied. */
  private List<List<String>> concurrently(DataSource a, DataSource b) throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var tasks = List.<Callable<List<String>>>of(() -> Migrations.migrate(a), () -> Migrations.migrate(b));
      var out = new ArrayList<List<String>>();
      for (var f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a new database gets every script once; a second run applies nothing")
  void freshDatabase() {
    assertThat(Migrations.migrate(db.dataSource())).containsExactlyElementsOf(ALL);
    assertThat(Migrations.migrate(db.dataSource())).isEmpty();
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(4);
  }

  @Test
  @DisplayName("two processes migrating a new database at once end with one schema, each script applied once")
  void concurrentMigrations() throws Exception {
    var applied = concurrently(db.dataSource(), second());
    assertThat(applied.stream().flatMap(List::stream).sorted().toList()).as("applied exactly once in total")
        .containsExactlyElementsOf(ALL);
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(4);
    gate().evaluate(Findings.request("after", "p", List.of(Findings.SQLI), ""));
    assertThat(new JdbiDecisionStore(db.jdbi()).findingStatuses("after")).hasSize(1);
  }

  @Test
  @DisplayName("a database the schema_version runner brought to the latest version is taken over as it is")
  void takeOverCurrentLegacySchema() {
    LegacySchemaRunner.create(db.jdbi(), 3);
    legacyDecision();
    // The runner stopped at version 3; Flyway applies only what came after it (V4, the API tokens).
    assertThat(Migrations.migrate(db.dataSource())).as("only the scripts after the runner's").containsExactly("4");
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(4);
    assertThat(gate().listDecisions("legacy", 10)).singleElement()
        .satisfies(d -> assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL));
    assertThat(gate().evaluate(Findings.request("new", "legacy", List.of(Findings.LOG4SHELL), "")).decision()
        .getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(Migrations.migrate(db.dataSource())).isEmpty();
  }

  @Test
  @DisplayName("a version-1 database of the schema_version runner gets scripts 2 to 4; its decisions stay and can be overridden")
  void takeOverVersion1() {
    LegacySchemaRunner.create(db.jdbi(), 1);
    legacyDecision();
    assertThat(Migrations.migrate(db.dataSource())).containsExactly("2", "3", "4");
    var gate = gate();
    assertThat(gate.listDecisions("legacy", 10)).singleElement().satisfies(d -> {
      assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
      assertThat(d.getOverridden()).isFalse();
      assertThat(d.getOverrideIdentity()).isEmpty();
      assertThat(d.getPoliciesList()).as("recorded before policy layers existed").isEmpty();
    });
    assertThat(gate.override("old", "legacy release", "ops").getOverridden()).isTrue();
    assertThat(gate.listDecisions("legacy", 10)).extracting(d -> d.getVerdict())
        .containsExactly(Verdict.PASS, Verdict.FAIL);
  }

  @Test
  @DisplayName("two processes taking over the same version-1 database at once apply scripts 2 to 4 once")
  void concurrentTakeOver() throws Exception {
    LegacySchemaRunner.create(db.jdbi(), 1);
    legacyDecision();
    var applied = concurrently(db.dataSource(), second());
    assertThat(applied.stream().flatMap(List::stream).sorted().toList()).containsExactly("2", "3", "4");
    assertThat(gate().listDecisions("legacy", 10)).hasSize(1);
  }

  @Test
  @DisplayName("a database Flyway left at an older version is brought up to date")
  void upgradeFromOlderFlywaySchema() {
    assertThat(Migrations.migrate(db.dataSource(), 1)).containsExactly("1");
    legacyDecision();
    assertThat(Migrations.migrate(db.dataSource())).containsExactly("2", "3", "4");
    assertThat(gate().listDecisions("legacy", 10)).singleElement()
        .satisfies(d -> assertThat(d.getOverridden()).isFalse());
  }
}
