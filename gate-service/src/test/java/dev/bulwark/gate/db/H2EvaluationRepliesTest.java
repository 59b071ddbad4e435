package dev.bulwark.gate.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("one evaluation answer per scan on H2")
class H2EvaluationRepliesTest extends EvaluationRepliesContract {
  @TempDir
  Path dir;

  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.h2(dir);
  }

  @Override
  DataSource second() {
    return db.dataSource(); // H2's file database admits one process: a second pool would be the same
  }
}
