package dev.bulwark.gate.db;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("baselines, central suppressions and overrides on an embedded H2 file database")
class H2GateWorkflowTest extends GateWorkflowContract {
  @TempDir
  Path dir;

  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.h2(dir);
  }
}
