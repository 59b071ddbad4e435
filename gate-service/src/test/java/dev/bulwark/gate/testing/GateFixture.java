package dev.bulwark.gate.testing;

import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;

/** A gate on a real H2 file database under a test's temporary folder, at a fixed instant (2026-06-01). */
public final class GateFixture implements AutoCloseable {
  public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  public final JdbcConnectionPool pool;
  public final Gate gate;

  public GateFixture(Path dir) {
    pool = H2Files.pool(dir);
    gate = new Gate(JdbiDecisionStore.migrated(pool), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
