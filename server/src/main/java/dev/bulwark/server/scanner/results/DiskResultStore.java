package dev.bulwark.server.scanner.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Results in a local folder ({@code <dir>/<2 hex>/<key>}), bounded: when the entries exceed
 * {@code maxBytes}, the least recently used are deleted until they fill four fifths of it (a
 * read marks an entry used). Writes are atomic (a temporary file moved into place), so a
 * process that dies mid-write, or two processes sharing the folder, never leave half an entry.
 *
 * <p>The entries' total is kept in a ledger ({@code <dir>/size}) so that a new process does not
 * list a folder of thousands of entries before its first write: the ledger is written when a
 * process counted the entries, evicted, or wrote {@value #LEDGER_EVERY} entries since it last
 * wrote it, and trusted for {@link #LEDGER_TRUSTED} after that; older, missing or unreadable, the
 * entries are counted again. Two processes writing at once may under-count by their writes until
 * the next count, so the bound is kept to within what one day's scans add.
 */
public final class DiskResultStore implements ResultStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{8,128}");
  private static final String LEDGER = "size";
  private static final Duration LEDGER_TRUSTED = Duration.ofDays(1);
  private static final int LEDGER_EVERY = 64;

  private final Path dir;
  private final long maxBytes;
  /** Bytes the entries take, counted on the first write of this process; -1 until then. */
  private long total = -1;
  /** Writes since the ledger was last written by this process. */
  private int unrecorded;

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
    long replaced = Files.exists(entry) ? Files.size(entry) : 0;
    writeAtomically(entry, value);
    account(value.length - replaced);
  }

  /** Writes a file through a temporary one beside it, moved into place: readers never see half of it. */
  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    String name = target.getFileName().toString();
    Path partial = Files.createTempFile(target.getParent(), "." + name.substring(0, Math.min(8, name.length())), ".partial");
    try {
      Files.write(partial, bytes);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Bytes the entries take now. */
  public synchronized long size() throws IOException {
    if (total < 0) {
      var recorded = ledger();
      if (recorded.isPresent()) {
        total = recorded.getAsLong();
      } else {
        total = entries().stream().mapToLong(Entry::bytes).sum();
        recordLedger();
      }
    }
    return total;
  }

  /** The total the ledger holds, while it is recent enough to trust. */
  private OptionalLong ledger() {
    Path ledger = dir.resolve(LEDGER);
    try {
      if (Files.getLastModifiedTime(ledger).toInstant().isBefore(Instant.now().minus(LEDGER_TRUSTED))) {
        return OptionalLong.empty();
      }
      long recorded = Long.parseLong(Files.readString(ledger).trim());
      return recorded >= 0 ? OptionalLong.of(recorded) : OptionalLong.empty();
    } catch (IOException | NumberFormatException missingOrUnreadable) {
      return OptionalLong.empty();
    }
  }

  /** Writes this process's total to the ledger (atomically; failing only costs the next process a count). */
  private void recordLedger() {
    unrecorded = 0;
    try {
      writeAtomically(dir.resolve(LEDGER), Long.toString(total).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // the ledger is an optimisation: without it the next process counts the entries
    }
  }

  @Override
  public String describe() {
    return "disk " + dir + " (" + maxBytes / (1024 * 1024) + " MiB)";
  }

  private void account(long added) throws IOException {
    total += added;
    if (total > maxBytes) {
      evict(maxBytes * 4 / 5);
      recordLedger();
    } else if (++unrecorded >= LEDGER_EVERY) {
      recordLedger();
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
