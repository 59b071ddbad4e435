package dev.bulwark.gateway.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the scan store's tests run on: H2 in memory, and the PostgreSQL named by
 * {@code BULWARK_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD} in a fresh schema (dropped on
 * close). Without them the PostgreSQL tests are skipped, except under {@code CI=true}.
 */
public final class Databases {
  private Databases() {}

  /** A migrated scan store and how to drop it. */
  public record Db(String name, ScanStore store, Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
      drop.run();
    }
  }

  public static Db h2() {
    var pool = JdbcConnectionPool.create("jdbc:h2:mem:scans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    return new Db("H2", ScanStore.migrated(org.jdbi.v3.core.Jdbi.create(pool), pool), pool::dispose);
  }

  public static Db postgres() {
    String url = System.getenv("BULWARK_TEST_PG_URL");
    String user = System.getenv("BULWARK_TEST_PG_USER");
    String password = System.getenv("BULWARK_TEST_PG_PASSWORD");
    if (url == null || url.isBlank() || user == null || password == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but BULWARK_TEST_PG_URL/_USER/_PASSWORD are not set");
      }
      assumeTrue(false, "BULWARK_TEST_PG_URL not set; skipping the PostgreSQL tests");
    }
    String schema = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    exec(url, user, password, "CREATE SCHEMA " + schema);
    var ds = new PGSimpleDataSource();
    ds.setUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    ds.setUser(user);
    ds.setPassword(password);
    DataSource dataSource = ds;
    return new Db("PostgreSQL", ScanStore.migrated(org.jdbi.v3.core.Jdbi.create(dataSource), dataSource),
        () -> exec(url, user, password, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static void exec(String url, String user, String password, String sql) {
    try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + sql + ": " + e.getMessage(), e);
    }
  }
}
