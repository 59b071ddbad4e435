package dev.bulwark.gate.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the gate's schema on an embedded H2 file database")
class H2MigrationsTest extends MigrationsContract {
  @TempDir
  Path dir;

  @Override
  TestDatabases.TestDb open() {
    return TestDatabases.h2(dir);
  }

  /** The same pool: an H2 file database belongs to one process, so a second "replica" is a second thread. */
  @Override
  DataSource second() {
    return db.dataSource();
  }
}
