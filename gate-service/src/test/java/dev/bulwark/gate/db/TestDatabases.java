package dev.bulwark.gate.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases persistence tests run on: an H2 file database under a temporary folder,
 * and the PostgreSQL named by {@code BULWARK_TEST_PG_URL}, {@code BULWARK_TEST_PG_USER} and
 * {@code BULWARK_TEST_PG_PASSWORD}, in a fresh schema per use (dropped on close), so runs never
 * see each other's rows. Without those variables the PostgreSQL tests are skipped, except
 * under {@code CI=true}, where that is a failure: CI always provides PostgreSQL.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A database for one test, dropped or disposed on close. */
  public record TestDb(String name, String url, String user, String password, DataSource dataSource, Jdbi jdbi,
      Runnable cleanup) implements AutoCloseable {
    @Override
    public void close() {
      cleanup.run();
    }
  }

  public static TestDb h2(Path dir) {
    var pool = H2Files.pool(dir);
    return new TestDb("H2", H2Files.url(dir), "bulwark", "", pool, Jdbi.create(pool), pool::dispose);
  }

  public static TestDb postgres() {
    String url = System.getenv("BULWARK_TEST_PG_URL");
    String user = System.getenv("BULWARK_TEST_PG_USER");
    String password = System.getenv("BULWARK_TEST_PG_PASSWORD");
    boolean configured = url != null && !url.isBlank() && user != null && password != null;
    if (!configured) {
      String why = "BULWARK_TEST_PG_URL, BULWARK_TEST_PG_USER and BULWARK_TEST_PG_PASSWORD are not all set";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but " + why + ": CI must provide PostgreSQL for the gate's persistence tests");
      }
      assumeTrue(false, why + "; skipping the PostgreSQL tests");
    }
    String schema = "gate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    exec(url, user, password, "CREATE SCHEMA " + schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    var dataSource = postgresDataSource(schemaUrl, user, password);
    return new TestDb("PostgreSQL", schemaUrl, user, password, dataSource, Jdbi.create(dataSource),
        () -> exec(url, user, password, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /** A second, independent data source on the same PostgreSQL database, as another gate replica has. */
  public static DataSource postgresDataSource(String url, String user, String password) {
    var ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  private static void exec(String url, String user, String password, String sql) {
    try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + sql + ": " + e.getMessage(), e);
    }
  }
}
