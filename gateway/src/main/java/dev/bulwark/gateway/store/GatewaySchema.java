package dev.bulwark.gateway.store;

import dev.bulwark.server.db.ListedMigrations;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's schema, versioned by Flyway (as the gate's): scripts
 * {@code db/gateway/V<n>__<what>.sql} (listed in {@link #SCRIPTS}), recorded in their own history table
 * {@code gateway_schema_history}, so the gateway and the gate may share one PostgreSQL database.
 * Replicas starting together are kept apart by Flyway's own lock (an advisory lock on PostgreSQL).
 */
public final class GatewaySchema {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySchema.class);
  /** Where the scripts are on the classpath. */
  static final String FOLDER = "db/gateway";
  /** Every script, in version order (no classpath scan). Adding a migration is one file there and one line here. */
  static final List<String> SCRIPTS = List.of(
      "V1__durable_scans.sql",
      "V2__callers.sql");
  static final String HISTORY_TABLE = "gateway_schema_history";

  private GatewaySchema() {}

  /** Applies the pending scripts; returns the versions applied now. */
  public static synchronized List<String> migrate(DataSource dataSource) {
    ClassLoader loader = GatewaySchema.class.getClassLoader();
    var listed = new ListedMigrations(loader, FOLDER, SCRIPTS);
    if (listed.upToDate(dataSource, HISTORY_TABLE)) {
      return List.of();   // one query instead of starting Flyway: the common case of every start
    }
    var result = listed.applyTo(Flyway.configure(loader))
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    var applied = result.migrations.stream().map(m -> m.version).toList();
    if (!applied.isEmpty()) {
      LOG.info("gateway schema: applied migrations {} (now at version {})", applied, result.targetSchemaVersion);
    }
    return applied;
  }
}
