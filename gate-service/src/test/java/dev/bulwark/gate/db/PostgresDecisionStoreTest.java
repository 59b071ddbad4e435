package dev.bulwark.gate.db;

import org.junit.jupiter.api.DisplayName;

@DisplayName("the gate's record on PostgreSQL (BULWARK_TEST_PG_URL), in a schema of its own")
class PostgresDecisionStoreTest extends DecisionStoreContract {
  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.postgres();
  }
}
