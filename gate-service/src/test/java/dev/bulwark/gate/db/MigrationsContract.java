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
  private static final List<String> ALL = List.of("1", "2", "3", "4", "5");
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
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(5);
  }

  @Test
  @DisplayName("two processes migrating a new database at once end with one schema, each script applied once")
  void concurrentMigrations() throws Exception {
    var applied = concurrently(db.dataSource(), second());
    assertThat(applied.stream().flatMap(List::stream).sorted().toList()).as("applied exactly once in total")
        .containsExactlyElementsOf(ALL);
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(5);
    gate().evaluate(Findings.request("after", "p", List.of(Findings.SQLI), ""));
    assertThat(new JdbiDecisionStore(db.jdbi()).findingStatuses("after")).hasSize(1);
  }

  @Test
  @DisplayName("a database the schema_version runner brought to its last version (3) is taken over as it is")
  void takeOverCurrentLegacySchema() {
    LegacySchemaRunner.create(db.jdbi(), 3);
    legacyDecision();
    // The runner stopped at version 3; Flyway applies only what came after it (V4 the API tokens, V5 the evaluation replies).
    assertThat(Migrations.migrate(db.dataSource())).as("only the scripts after the runner's").containsExactly("4", "5");
    assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo(5);
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
    assertThat(Migrations.migrate(db.dataSource())).containsExactly("2", "3", "4", "5");
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
    assertThat(applied.stream().flatMap(List::stream).sorted().toList()).containsExactly("2", "3", "4", "5");
    assertThat(gate().listDecisions("legacy", 10)).hasSize(1);
  }

  @Test
  @DisplayName("a database Flyway left at an older version is brought up to date")
  void upgradeFromOlderFlywaySchema() {
    assertThat(Migrations.migrate(db.dataSource(), 1)).containsExactly("1");
    legacyDecision();
    assertThat(Migrations.migrate(db.dataSource())).containsExactly("2", "3", "4", "5");
    assertThat(gate().listDecisions("legacy", 10)).singleElement()
        .satisfies(d -> assertThat(d.getOverridden()).isFalse());
  }

  private boolean upToDate() {
    return new dev.bulwark.server.db.ListedMigrations(Migrations.class.getClassLoader(), Migrations.FOLDER,
        Migrations.SCRIPTS).upToDate(db.dataSource(), Migrations.HISTORY_TABLE);
  }

  @Test
  @DisplayName("an up-to-date schema is recognised with one query (Flyway not started); any doubt goes to Flyway")
  void upToDateIsRecognisedAndDoubtGoesToFlyway() {
    assertThat(upToDate()).as("no history table yet").isFalse();
    Migrations.migrate(db.dataSource(), 2);
    assertThat(upToDate()).as("scripts 3 to 5 not applied").isFalse();
    Migrations.migrate(db.dataSource());
    assertThat(upToDate()).isTrue();
    assertThat(Migrations.migrate(db.dataSource())).isEmpty();

    // A shipped script edited after it was applied: not up to date, and Flyway's validation refuses it.
    db.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 "
        + "WHERE \"version\" = '3'"));
    assertThat(upToDate()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Migrations.migrate(db.dataSource()))
        .hasMessageContaining("checksum");
    db.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" - 1 "
        + "WHERE \"version\" = '3'"));
    assertThat(upToDate()).isTrue();

    // A newer build's script recorded in the database: not this build's schema.
    db.jdbi().useHandle(h -> h.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
        + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
        + "VALUES (99, '6', 'future', 'SQL', 'V6__future.sql', 1, 'test', 1, TRUE)"));
    assertThat(upToDate()).isFalse();
  }
}
