package dev.bulwark.gateway.store;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's schema, versioned by Flyway (as the gate's): scripts
 * {@code db/gateway/V<n>__<what>.sql}, recorded in their own history table
 * {@code gateway_schema_history}, so the gateway and the gate may share one PostgreSQL database.
 * Replicas starting together are kept apart by Flyway's own lock (an advisory lock on PostgreSQL).
 */
public final class GatewaySchema {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySchema.class);
  static final String LOCATION = "classpath:db/gateway";
  static final String HISTORY_TABLE = "gateway_schema_history";

  private GatewaySchema() {}

  /** Applies the pending scripts; returns the versions applied now. */
  public static synchronized List<String> migrate(DataSource dataSource) {
    var result = Flyway.configure(GatewaySchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
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
