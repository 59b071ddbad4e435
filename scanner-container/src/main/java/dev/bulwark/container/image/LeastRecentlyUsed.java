package dev.bulwark.container.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the files of a cache directory (those ending in {@code suffix}, one level of
 * subdirectories deep) within a total size: recency is the file's modification time, set at every
 * store and hit; when a store takes the total over the bound, the files used longest ago are
 * deleted until it fits. Used by {@link LayerCache}.
 */
final class LeastRecentlyUsed {
  private final Path dir;
  private final long maxBytes;
  private final String suffix;
  private final AtomicLong evictions = new AtomicLong();
  /** Last recency stamp given, so that entries used one after the other never tie. */
  private final AtomicLong lastUse = new AtomicLong();
  /** Total size of the entry files, as known to this process; -1 until the directory was walked. */
  private long totalBytes = -1;

  LeastRecentlyUsed(Path dir, long maxBytes, String suffix) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.suffix = suffix;
  }

  long evictions() {
    return evictions.get();
  }

  /** Marks the entry as just used: eviction takes the entries used longest ago first. */
  void touch(Path file) {
    long now = lastUse.updateAndGet(last -> Math.max(System.currentTimeMillis(), last + 1));
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(now));
    } catch (IOException e) {
      // an entry that keeps its old time is only evicted earlier
    }
  }

  /** Adds a stored entry to the total; over the bound, deletes least recently used entries until it fits. */
  synchronized void charge(long size) throws IOException {
    if (totalBytes < 0) {
      totalBytes = entries().stream().mapToLong(Used::size).sum();
    } else {
      totalBytes += size;
    }
    if (totalBytes <= maxBytes) {
      return;
    }
    var all = entries(); // walked again: other processes may share the directory
    all.sort(Comparator.comparingLong(Used::lastUsed));
    long total = all.stream().mapToLong(Used::size).sum();
    for (var e : all) {
      if (total <= maxBytes) {
        break;
      }
      if (Files.deleteIfExists(e.file())) {
        evictions.incrementAndGet();
      }
      total -= e.size();
    }
    totalBytes = total;
  }

  private record Used(Path file, long size, long lastUsed) {}

  private List<Used> entries() throws IOException {
    var out = new ArrayList<Used>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.find(dir, 2, (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(suffix))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        try {
          var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
          out.add(new Used(p, attrs.size(), attrs.lastModifiedTime().toMillis()));
        } catch (IOException gone) {
          // deleted meanwhile by another scan
        }
      }
    }
    return out;
  }

}
