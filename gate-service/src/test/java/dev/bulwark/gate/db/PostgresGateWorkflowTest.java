package dev.bulwark.gate.db;

import org.junit.jupiter.api.DisplayName;

@DisplayName("baselines, central suppressions and overrides on PostgreSQL (BULWARK_TEST_PG_URL)")
class PostgresGateWorkflowTest extends GateWorkflowContract {
  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.postgres();
  }
}
