package dev.bulwark.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the embedded cluster's H2 databases compact when they close. H2 spends up to
 * {@code h2.maxCompactTime} (200 ms) compacting each file database at every close: after a small
 * scan, a third of stopping the cluster. Without it, a database file grows by the chunks each run
 * writes (some 50 KB a scan), so a run compacts only when one of the files has grown past a bound
 * since the last compaction: twice its size right after it, and at least {@value #FLOOR} bytes. The
 * sizes after the last compaction are kept in {@code <home>/cache/h2-compaction.properties}. A
 * {@code -Dh2.maxCompactTime} given to the JVM always wins.
 */
final class DatabaseCompaction {
  /** The H2 setting (read when a database opens): milliseconds a close may spend compacting. */
  static final String PROPERTY = "h2.maxCompactTime";
  /** A database file smaller than this never needs compacting. */
  static final long FLOOR = 1L << 20;
  private static final String SUFFIX = ".mv.db";

  private final Path home;
  private final Path record;
  private final boolean compact;
  private final boolean ours;

  private DatabaseCompaction(Path home, boolean compact, boolean ours) {
    this.home = home;
    this.record = home.resolve("cache").resolve("h2-compaction.properties");
    this.compact = compact;
    this.ours = ours;
  }

  /** Decides for the databases under {@code home}, as they are now. */
  static DatabaseCompaction decide(Path home) {
    return decide(home, FLOOR);
  }

  /** As {@link #decide(Path)} with another floor (tests). */
  static DatabaseCompaction decide(Path home, long floor) {
    if (System.getProperty(PROPERTY) != null) {
      return new DatabaseCompaction(home, true, false);
    }
    var probe = new DatabaseCompaction(home, false, true);
    var after = probe.recorded();
    boolean grown = probe.sizes().entrySet().stream().anyMatch(e ->
        e.getValue() > Math.max(floor, 2 * after.getOrDefault(e.getKey(), 0L)));
    return new DatabaseCompaction(home, grown, true);
  }

  /** True when the databases opened now compact as they close. */
  boolean compacts() {
    return compact;
  }

  /**
   * Runs {@code open} (which opens the databases) with compaction on close off unless it is due,
   * then puts the setting back: H2 reads it when a database opens.
   */
  void whileOpening(Runnable open) {
    if (!ours || compact) {
      open.run();
      return;
    }
    synchronized (DatabaseCompaction.class) {
      String before = System.getProperty(PROPERTY);
      System.setProperty(PROPERTY, "0");
      try {
        open.run();
      } finally {
        if (before == null) {
          System.clearProperty(PROPERTY);
        } else {
          System.setProperty(PROPERTY, before);
        }
      }
    }
  }

  /** After the databases closed: when they compacted, their sizes now are the new baseline. Best effort. */
  void closed() {
    if (!ours || !compact) {
      return;
    }
    var props = new Properties();
    sizes().forEach((file, size) -> props.setProperty(file, Long.toString(size)));
    try {
      Files.createDirectories(record.getParent());
      Path temp = Files.createTempFile(record.getParent(), "h2-compaction", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        props.store(out, "sizes of the embedded H2 databases after their last compaction");
      }
      Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // without a baseline the next run compacts once a file passes the floor
    }
  }

  /** The sizes after the last compaction, by path relative to home; empty when unknown or unreadable. */
  Map<String, Long> recorded() {
    var out = new LinkedHashMap<String, Long>();
    if (!Files.isRegularFile(record)) {
      return out;
    }
    var props = new Properties();
    try (InputStream in = Files.newInputStream(record)) {
      props.load(in);
      props.stringPropertyNames().forEach(k -> out.put(k, Long.parseLong(props.getProperty(k).strip())));
    } catch (IOException | RuntimeException e) {
      out.clear(); // damaged: as if never compacted
    }
    return out;
  }

  /** The H2 database files under home (the gate's, the gateway's), by path relative to home. */
  Map<String, Long> sizes() {
    var out = new LinkedHashMap<String, Long>();
    if (!Files.isDirectory(home)) {
      return out;
    }
    try {
      Files.walkFileTree(home, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 3, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          // blob stores and caches hold many files and no database
          return !dir.equals(home) && (name.equals("cache") || name.equals("cas"))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && file.getFileName().toString().endsWith(SUFFIX)) {
            out.put(home.relativize(file).toString().replace('\\', '/'), attrs.size());
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // what was found so far
    }
    return out;
  }
}
