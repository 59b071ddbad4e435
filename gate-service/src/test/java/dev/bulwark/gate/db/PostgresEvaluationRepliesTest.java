package dev.bulwark.gate.db;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("one evaluation answer per scan across gate replicas on PostgreSQL (BULWARK_TEST_PG_URL)")
class PostgresEvaluationRepliesTest extends EvaluationRepliesContract {
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
