package dev.bulwark.gate.core;

import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/** A gate on a real H2 file database under a test's temporary folder, at a fixed instant (2026-06-01). */
final class GateFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  final JdbcConnectionPool pool;
  final Gate gate;

  GateFixture(Path dir) {
    pool = H2Files.pool(dir);
    gate = new Gate(JdbiDecisionStore.migrated(Jdbi.create(pool)), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
