package dev.bulwark.gate.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny versioned-schema runner. Scripts live in {@code db/migration/V<n>__<what>.sql} and are
 * listed in {@link #SCRIPTS} (the one place to add a migration). A {@code schema_version} table
 * records what was applied; each pending script runs once, in order, in its own transaction
 * together with its {@code schema_version} row. Statements end with {@code ;} at the end of a line.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** Every migration, in order. Never edit one that has shipped: add the next. */
  public static final List<String> SCRIPTS = List.of("V1__scans_findings_decisions.sql",
      "V2__overrides_central_suppressions.sql", "V3__central_policies.sql", "V4__evaluation_replies.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  private Migrations() {}

  /** Applies the pending scripts; returns the versions applied now. */
  public static List<Integer> migrate(Jdbi jdbi) {
    return migrate(jdbi, Integer.MAX_VALUE);
  }

  /**
   * Applies the pending scripts up to {@code upTo} (inclusive): an older gate's schema, for upgrade tests.
   * Migrations in one process run one at a time: H2 commits DDL at once, so two interleaved runs could
   * see each other's half-applied scripts. Across processes (gate replicas on PostgreSQL, whose DDL is
   * transactional) the loser of a race waits for the winner's {@code schema_version} row.
   */
  static synchronized List<Integer> migrate(Jdbi jdbi, int upTo) {
    String versionTable = "CREATE TABLE IF NOT EXISTS schema_version ("
        + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    try {
      jdbi.useHandle(h -> h.execute(versionTable));
    } catch (RuntimeException raced) {
      // PostgreSQL: two concurrent IF NOT EXISTS can collide; the second attempt sees the table.
      jdbi.useHandle(h -> h.execute(versionTable));
    }
    Set<Integer> applied = appliedVersions(jdbi);
    var now = new ArrayList<Integer>();
    for (String script : SCRIPTS) {
      var m = NAME.matcher(script);
      if (!m.matches()) {
        throw new IllegalStateException("migration " + script + " is not named V<n>__<description>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (applied.contains(version) || version > upTo) {
        continue;
      }
      var statements = statements(read(script));
      try {
        jdbi.useTransaction(h -> {
          for (String sql : statements) {
            h.execute(sql);
          }
          h.createUpdate("INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :t)")
              .bind("v", version).bind("d", m.group(2)).bind("t", java.sql.Timestamp.from(Instant.now()))
              .execute();
        });
      } catch (RuntimeException e) {
        // Another gate replica may be applying it concurrently (our statements failed or timed out on
        // its locks): fine once it is recorded, which it will be within moments.
        if (appliedWithin(jdbi, version, 15_000)) {
          LOG.info("gate schema: migration {} was applied concurrently by another process", script);
          continue;
        }
        throw new IllegalStateException("gate schema: migration " + script + " failed: " + e.getMessage(), e);
      }
      LOG.info("gate schema: applied migration {}", script);
      now.add(version);
    }
    return now;
  }

  private static boolean appliedWithin(Jdbi jdbi, int version, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      if (appliedVersions(jdbi).contains(version)) {
        return true;
      }
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static Set<Integer> appliedVersions(Jdbi jdbi) {
    return new HashSet<>(jdbi.withHandle(h ->
        h.createQuery("SELECT version FROM schema_version").mapTo(Integer.class).list()));
  }

  /** The highest version applied, 0 for none. */
  public static int currentVersion(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        .mapTo(Integer.class).one());
  }

  static List<String> statements(String sql) {
    var out = new ArrayList<String>();
    var current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String stmt = current.toString().strip();
        out.add(stmt.substring(0, stmt.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String script) {
    String resource = "/db/migration/" + script;
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration " + resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
