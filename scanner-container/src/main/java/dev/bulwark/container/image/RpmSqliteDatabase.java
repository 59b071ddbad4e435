package dev.bulwark.container.image;

import dev.bulwark.artifacts.PackageDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * rpm's SQLite package database ({@code rpmdb.sqlite}: RHEL 9, AlmaLinux and Rocky 9, Fedora 33+):
 * each row of its {@code Packages} table holds one {@link RpmHeader}, read for NAME, VERSION,
 * RELEASE and EPOCH. The version is rpm's {@code [epoch:]version-release}. The database is opened
 * read-only with SQLite (org.xerial sqlite-jdbc) from a temporary copy that is deleted at once;
 * an unreadable database is a problem, not an empty inventory. {@code gpg-pubkey} entries (keys
 * rpm stores as pseudo-packages) are skipped.
 */
public final class RpmSqliteDatabase implements PackageDatabase {
  static final List<String> PATHS = List.of("var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite");
  /** Why the last reading of a content failed, by content identity (parse and problems see the same array). */
  private final Map<byte[], String> failures = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public String name() {
    return "rpm-sqlite";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean wants(String path) {
    return PATHS.contains(path);
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.empty();
  }

  @Override
  public List<Entry> parse(String path, byte[] content) {
    try {
      return read(content);
    } catch (IOException | SQLException e) {
      failures.put(content, "rpm database format sqlite could not be read: " + e.getMessage());
      return List.of();
    }
  }

  @Override
  public List<String> problems(String path, byte[] content) {
    String failure = failures.get(content);
    return failure == null ? List.of() : List.of(failure);
  }

  private static List<Entry> read(byte[] content) throws IOException, SQLException {
    // a directory of its own: SQLite may add -wal and -shm files beside a WAL-mode database
    Path dir = Files.createTempDirectory("bulwark-rpmdb");
    Path copy = dir.resolve("rpmdb.sqlite");
    try {
      Files.write(copy, content);
      var props = new Properties();
      props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
      var out = new ArrayList<Entry>();
      // the driver directly, not DriverManager: a shaded jar need not keep its service registration
      try (var db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + copy, props);
          var rows = db.createStatement().executeQuery("SELECT blob FROM Packages")) {
        while (rows.next()) {
          RpmHeader.parse(rows.getBytes(1)).flatMap(RpmSqliteDatabase::entry).ifPresent(out::add);
        }
      }
      return out;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  static Optional<Entry> entry(RpmHeader h) {
    String name = h.string(RpmHeader.NAME);
    String version = h.string(RpmHeader.VERSION);
    String release = h.string(RpmHeader.RELEASE);
    if (name.isEmpty() || version.isEmpty() || name.equals("gpg-pubkey")) {
      return Optional.empty();
    }
    String full = h.int32(RpmHeader.EPOCH).map(e -> e + ":").orElse("") + version
        + (release.isEmpty() ? "" : "-" + release);
    return Optional.of(new Entry(name, name, full, full));
  }
}
