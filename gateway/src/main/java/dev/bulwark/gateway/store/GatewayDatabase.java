package dev.bulwark.gateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/** The gateway's embedded H2 database (one process) and the JDBC driver for a configured url. */
public final class GatewayDatabase {
  private GatewayDatabase() {}

  /** The H2 file database in {@code dir} (file {@code dir/gateway.mv.db}). */
  public static String h2Url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gateway") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /** A connection pool on the H2 file database in {@code dir}; close with {@code dispose()}. */
  public static JdbcConnectionPool h2Pool(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the gateway database folder " + dir, e);
    }
    var pool = JdbcConnectionPool.create(h2Url(dir), "bulwark", "");
    pool.setMaxConnections(16);
    return pool;
  }

  public static String driverFor(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "org.postgresql.Driver";
    }
    throw new IllegalArgumentException("database.driverClass is 'auto' but the url " + url
        + " is neither H2 nor PostgreSQL: set database.driverClass");
  }
}
