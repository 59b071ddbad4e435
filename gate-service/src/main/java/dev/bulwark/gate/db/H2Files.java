package dev.bulwark.gate.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/** The embedded H2 database of the gate: a file database in a folder, behind a small pool. */
public final class H2Files {
  private H2Files() {}

  /** The JDBC URL of the gate's H2 file database in {@code dir} (file {@code dir/gate.mv.db}). */
  public static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gate") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /** A connection pool on the H2 file database in {@code dir}, creating the folder; close with {@code dispose()}. */
  public static JdbcConnectionPool pool(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the gate database folder " + dir, e);
    }
    var pool = JdbcConnectionPool.create(url(dir), "bulwark", "");
    pool.setMaxConnections(8);
    return pool;
  }
}
