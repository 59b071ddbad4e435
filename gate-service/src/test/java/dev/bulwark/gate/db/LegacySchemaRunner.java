package dev.bulwark.gate.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What the gate ran before Flyway, kept for upgrade tests: a {@code schema_version} table and the
 * scripts of {@code db/migration} up to a version, each with its row, exactly as gates up to
 * 0.1 left their databases (H2 files under {@code $BULWARK_HOME}, PostgreSQL).
 */
final class LegacySchemaRunner {
  private static final List<String> SCRIPTS = List.of("V1__scans_findings_decisions.sql",
      "V2__overrides_central_suppressions.sql", "V3__central_policies.sql");

  private LegacySchemaRunner() {}

  /** Creates the schema as the old runner did, up to {@code upTo} (inclusive). */
  static void create(Jdbi jdbi, int upTo) {
    jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS schema_version ("
        + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
    for (int v = 1; v <= upTo; v++) {
      String script = SCRIPTS.get(v - 1);
      int version = v;
      jdbi.useTransaction(h -> {
        for (String sql : statements(read(script))) {
          h.execute(sql);
        }
        h.createUpdate("INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :t)")
            .bind("v", version).bind("d", script.substring(script.indexOf("__") + 2, script.length() - 4))
            .bind("t", Timestamp.from(Instant.now())).execute();
      });
    }
  }

  /** What the old runner did at each start of an up-to-date database: its table if missing, the versions applied. */
  static List<Integer> upToDate(Jdbi jdbi) {
    jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS schema_version ("
        + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
    return jdbi.withHandle(h -> h.createQuery("SELECT version FROM schema_version").mapTo(Integer.class).list());
  }

  private static List<String> statements(String sql) {
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
    return out;
  }

  private static String read(String script) {
    try (InputStream in = LegacySchemaRunner.class.getResourceAsStream("/db/migration/" + script)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
