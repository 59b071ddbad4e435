package dev.bulwark.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListedMigrationsTest {
  static final String FOLDER = "dev/bulwark/server/db/scripts";
  static final List<String> LISTED = List.of("V1__first.sql", "V2__second.sql");

  final ListedMigrations migrations = new ListedMigrations(getClass().getClassLoader(), FOLDER, LISTED);

  @Test
  void servesTheListedScriptsFromTheClasspathByPrefixAndSuffix() throws Exception {
    assertThat(migrations.getResources("V", new String[] {".sql"})).extracting(r -> r.getFilename())
        .containsExactlyElementsOf(LISTED);
    assertThat(migrations.getResources("beforeMigrate", new String[] {".sql"})).isEmpty();
    assertThat(migrations.getResource("V3__unlisted.sql")).isNull();
    try (Reader r = migrations.getResource("V1__first.sql").read()) {
      assertThat(r.read()).isPositive();
    }
  }

  @Test
  void flywayAppliesExactlyTheListedScriptsInOrder(@TempDir Path dir) throws Exception {
    var db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
    var result = migrations.applyTo(Flyway.configure(getClass().getClassLoader())).dataSource(db).load().migrate();

    // the unlisted V3 beside them (not valid SQL) is never found, so the migration succeeds at V2
    assertThat(result.migrations).extracting(m -> m.version).containsExactly("1", "2");
    try (var c = DriverManager.getConnection(db.getURL()); var rs = c.createStatement()
        .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'FIRST_TABLE'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
