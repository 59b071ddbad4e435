package dev.bulwark.server.scanner.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Results in a local folder ({@code <dir>/<2 hex>/<key>}), bounded: when the entries exceed
 * {@code maxBytes}, the least recently used are deleted until they fill four fifths of it (a
 * read marks an entry used). Writes are atomic (a temporary file moved into place), so a
 * process that dies mid-write, or two processes sharing the folder, never leave half an entry.
 */
public final class DiskResultStore implements ResultStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{8,128}");

  private final Path dir;
  private final long maxBytes;
  /** Bytes the entries take, counted on the first write of this process; -1 until then. */
  private long total = -1;

  public DiskResultStore(Path dir, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the results cache needs a positive size bound, not " + maxBytes);
    }
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    Path entry = path(key);
    try {
      byte[] bytes = Files.readAllBytes(entry);
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized void put(String key, byte[] value) throws IOException {
    Path entry = path(key);
    size(); // counted before this entry is there
    Files.createDirectories(entry.getParent());
    Path partial = Files.createTempFile(entry.getParent(), "." + key.substring(0, 8), ".partial");
    try {
      Files.write(partial, value);
      long replaced = Files.exists(entry) ? Files.size(entry) : 0;
      Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      account(value.length - replaced);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Bytes the entries take now. */
  public synchronized long size() throws IOException {
    if (total < 0) {
      total = entries().stream().mapToLong(Entry::bytes).sum();
    }
    return total;
  }

  @Override
  public String describe() {
    return "disk " + dir + " (" + maxBytes / (1024 * 1024) + " MiB)";
  }

  private void account(long added) throws IOException {
    total += added;
    if (total > maxBytes) {
      evict(maxBytes * 4 / 5);
    }
  }

  /** Deletes the least recently used entries until the rest take at most {@code target} bytes. */
  private void evict(long target) throws IOException {
    var entries = entries();
    entries.sort(Comparator.comparing(Entry::used));
    long left = entries.stream().mapToLong(Entry::bytes).sum();
    for (Entry e : entries) {
      if (left <= target) {
        break;
      }
      if (Files.deleteIfExists(e.path())) {
        left -= e.bytes();
      }
    }
    total = left;
  }

  private record Entry(Path path, long bytes, FileTime used) {}

  private List<Entry> entries() throws IOException {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.walk(dir, 2)) {
      var entries = new ArrayList<Entry>();
      files.filter(p -> KEY.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).forEach(p -> {
        try {
          entries.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p)));
        } catch (NoSuchFileException gone) {
          // deleted meanwhile (another process evicting): not ours to count
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return entries;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a results key: " + key);
    }
    return dir.resolve(key.substring(0, 2)).resolve(key);
  }
}
