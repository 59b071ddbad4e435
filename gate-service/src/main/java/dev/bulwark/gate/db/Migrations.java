package dev.bulwark.gate.db;

import dev.bulwark.server.db.ListedMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's schema, versioned by Flyway: scripts {@code db/migration/V<n>__<what>.sql} (listed in
 * {@link #SCRIPTS}, so no classpath scan), applied once each, in order, recorded in {@code flyway_schema_history} with their checksums (a shipped
 * script must never be edited: add the next one).
 *
 * <p><b>Taking over.</b> Gates before Flyway recorded their scripts in a {@code schema_version}
 * table of their own. A database that has that table but no Flyway history gets the scripts up to
 * the highest version it records entered into Flyway's history without running them again (they
 * are the very same files, so Flyway's checksums hold); Flyway then applies only the scripts after
 * it. The old table is left as it was.
 *
 * <p><b>Concurrency.</b> Gate replicas on one PostgreSQL database serialise the whole step
 * (take-over and migration) on a session-level advisory lock, which PostgreSQL releases by itself
 * if a replica dies; Flyway's own lock stays in place beneath. An H2 file database belongs to one
 * process (H2 locks the file), so there a lock within the process suffices.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** Where the scripts are on the classpath. */
  static final String FOLDER = "db/migration";
  /** Every script, in version order. Adding a migration is one file there and one line here. */
  static final List<String> SCRIPTS = List.of(
      "V1__scans_findings_decisions.sql",
      "V2__overrides_central_suppressions.sql",
      "V3__central_policies.sql",
      "V4__api_tokens.sql",
      "V5__evaluation_replies.sql");
  /** Flyway's history of the gate's scripts (its default name). */
  static final String HISTORY_TABLE = "flyway_schema_history";
  /** The table of the gate's own runner before Flyway. */
  static final String LEGACY_TABLE = "schema_version";
  /** Key of the advisory lock on PostgreSQL ("bulwark" in ASCII). */
  private static final long ADVISORY_KEY = 0x62756c7761726bL;
  private static final Object LOCAL_LOCK = new Object();

  private Migrations() {}

  /** Applies the pending scripts; returns the versions applied now ("1", "2", ...). */
  public static List<String> migrate(DataSource dataSource) {
    if (listed().upToDate(dataSource, HISTORY_TABLE)) {
      return List.of();   // one query instead of starting Flyway: the common case of every start
    }
    return migrate(dataSource, MigrationVersion.LATEST);
  }

  /** Applies the pending scripts up to {@code upTo} (inclusive): an older gate's schema, for upgrade tests. */
  static List<String> migrate(DataSource dataSource, int upTo) {
    return migrate(dataSource, MigrationVersion.fromVersion(Integer.toString(upTo)));
  }

  private static List<String> migrate(DataSource dataSource, MigrationVersion target) {
    return exclusively(dataSource, () -> {
      if (configure(dataSource, target).load().info().applied().length == 0) {
        legacyVersion(dataSource).ifPresent(v -> {
          LOG.info("gate schema: taking over the schema_version table at version {}", v);
          // The old runner ran the very same scripts: record them as applied, with their checksums.
          configure(dataSource, MigrationVersion.fromVersion(Integer.toString(v))).skipExecutingMigrations(true)
              .load().migrate();
        });
      }
      var result = configure(dataSource, target).load().migrate();
      var applied = result.migrations.stream().map(m -> m.version).toList();
      if (!applied.isEmpty()) {
        LOG.info("gate schema: applied migrations {} (now at version {})", applied, result.targetSchemaVersion);
      }
      return applied;
    });
  }

  /** The highest version applied (or taken over), 0 for none. */
  public static int currentVersion(DataSource dataSource) {
    var current = configure(dataSource, MigrationVersion.LATEST).load().info().current();
    return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
  }

  private static FluentConfiguration configure(DataSource dataSource, MigrationVersion target) {
    return listed().applyTo(Flyway.configure(Migrations.class.getClassLoader()))
        .table(HISTORY_TABLE)
        .dataSource(dataSource)
        .target(target);
  }

  private static ListedMigrations listed() {
    return new ListedMigrations(Migrations.class.getClassLoader(), FOLDER, SCRIPTS);
  }

  /** The highest version the pre-Flyway runner recorded, when its table exists and records one. */
  private static Optional<Integer> legacyVersion(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT MAX(version) FROM " + LEGACY_TABLE)) {
      int v = rs.next() ? rs.getInt(1) : 0;
      return v > 0 ? Optional.of(v) : Optional.empty();
    } catch (SQLException noLegacyTable) {
      return Optional.empty();
    }
  }

  private static <T> T exclusively(DataSource dataSource, Supplier<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
        synchronized (LOCAL_LOCK) {
          return work.get();
        }
      }
      try (var s = c.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
      }
      try {
        return work.get();
      } finally {
        try (var s = c.createStatement()) {
          s.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("gate schema: cannot lock the database for migration: " + e.getMessage(), e);
    }
  }
}
