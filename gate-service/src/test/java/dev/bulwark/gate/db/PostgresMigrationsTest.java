package dev.bulwark.gate.db;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the gate's schema on PostgreSQL (BULWARK_TEST_PG_URL), in a schema of its own")
class PostgresMigrationsTest extends MigrationsContract {
  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.postgres();
  }

  /** Connections of their own, as a second gate replica has. */
  @Override
  DataSource second() {
    return TestDatabases.postgresDataSource(db.url(), db.user(), db.password());
  }
}
