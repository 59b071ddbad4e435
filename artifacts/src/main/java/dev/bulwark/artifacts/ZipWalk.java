package dev.bulwark.artifacts;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Walks a zip archive and the archives nested in it, handing the entries a {@link Visitor} wants
 * to it. An archive of at most {@link Limits#maxInMemoryBytes()} is read whole and walked through
 * its central directory, so only the entries wanted (and nested archives) are ever inflated; a
 * larger one, or one without a readable central directory (truncated), is streamed front to back
 * once. A hostile archive cannot make it run long or deep: nesting beyond
 * {@link Limits#maxDepth()} is not opened, and more entries than {@link Limits#maxEntries()} or
 * more expanded bytes than {@link Limits#maxExpandedBytes()} (or than {@link Limits#maxExpansionRatio()}
 * times the archive's size: a zip bomb) stop the walk. Each of these, and a malformed archive,
 * becomes a problem message; what was found until then is kept.
 */
public final class ZipWalk {
  /** Expansion below this is never called a bomb, whatever the ratio (small, very regular files). */
  private static final long RATIO_FLOOR = 64L * 1024 * 1024;

  /**
   * Bounds on walking one archive (and all it nests).
   *
   * @param maxDepth          archives inside archives opened below the top one (a jar in a war in an ear is 2)
   * @param maxEntries        entries over all levels
   * @param maxExpandedBytes  bytes inflated over all levels
   * @param maxExpansionRatio inflated bytes over the archive's own size
   * @param maxInMemoryBytes  archives up to this size are read whole and walked by their central directory
   */
  public record Limits(int maxDepth, long maxEntries, long maxExpandedBytes, long maxExpansionRatio,
      int maxInMemoryBytes) {
    public static Limits defaults() {
      return new Limits(3, 500_000, 4L * 1024 * 1024 * 1024, 100, 16 * 1024 * 1024);
    }
  }

  /** What the walk looks at. */
  interface Visitor {
    /** Whether to hand this entry (path inside its archive) to {@link #entry}. */
    boolean wants(String entry);

    /** @param archive where the containing archive is inside the top one ("" for the top one, "a.war!/WEB-INF/lib/b.jar") */
    void entry(String archive, String entry, InputStream in) throws IOException;

    /** Whether this entry is an archive to walk into. */
    boolean nested(String entry);
  }

  /** A limit was hit: the whole walk stops. */
  private static final class Stop extends IOException {
    Stop(String message) {
      super(message);
    }
  }

  private final Limits limits;
  private long entries;
  private long expanded;
  private long size;

  public ZipWalk(Limits limits) {
    this.limits = limits;
  }

  /** Walks the archive of {@code size} bytes; returns the problems met (empty when all was read). */
  List<String> walk(InputStream in, long size, Visitor visitor) {
    this.size = Math.max(1, size);
    var problems = new ArrayList<String>();
    try {
      walkAny(in, size, "", 0, visitor, problems);
    } catch (Stop e) {
      problems.add(e.getMessage() + "; the rest of the archive was not read");
    } catch (IOException | RuntimeException e) {
      problems.add("not a readable zip archive: " + e.getMessage());
    }
    return problems;
  }

  /**
   * An archive small enough is walked by its central directory, others (and those without one)
   * streamed. {@code size} is what the container says (-1: unknown); it is not trusted, only used to
   * stream a large archive without buffering its start and to read a small one into an array of its size.
   */
  private void walkAny(InputStream in, long size, String location, int depth, Visitor visitor, List<String> problems)
      throws IOException {
    int max = limits.maxInMemoryBytes();
    if (size > max) {
      walkStream(in, location, depth, visitor, problems);
      return;
    }
    byte[] head;
    if (size >= 0) {
      head = new byte[(int) size];
      int n = in.readNBytes(head, 0, head.length);
      int more = in.read();
      if (more >= 0) { // larger than it said
        var rest = new SequenceInputStream(new ByteArrayInputStream(head, 0, n),
            new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) more}), in));
        walkStream(rest, location, depth, visitor, problems);
        return;
      }
      head = n == head.length ? head : Arrays.copyOf(head, n);
    } else {
      head = in.readNBytes(max + 1);
      if (head.length > max) {
        walkStream(new SequenceInputStream(new ByteArrayInputStream(head), in), location, depth, visitor, problems);
        return;
      }
    }
    ZipFile zip;
    try {
      zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(head)).get();
    } catch (IOException | RuntimeException noCentralDirectory) {
      walkStream(new ByteArrayInputStream(head), location, depth, visitor, problems);
      return;
    }
    try (zip) {
      walkCentral(zip, location, depth, visitor, problems);
    }
  }

  private void walkCentral(ZipFile zip, String location, int depth, Visitor visitor, List<String> problems)
      throws IOException {
    for (var e : Collections.list(zip.getEntries())) {
      if (++entries > limits.maxEntries()) {
        throw new Stop("more than " + limits.maxEntries() + " zip entries");
      }
      String name = e.getName();
      boolean wanted = !e.isDirectory() && visitor.wants(name);
      boolean nested = !e.isDirectory() && !wanted && visitor.nested(name);
      if (!wanted && !nested) {
        continue;
      }
      String here = location.isEmpty() ? name : location + "!/" + name;
      if (nested && depth + 1 > limits.maxDepth()) {
        problems.add(here + ": archive nested more than " + limits.maxDepth() + " levels deep, not read");
        continue;
      }
      try (var raw = zip.getInputStream(e)) {
        if (raw == null) {
          continue;
        }
        var in = new Counted(raw);
        if (wanted) {
          visitor.entry(location, name, in);
        } else {
          walkAny(in, e.getSize(), here, depth + 1, visitor, problems);
        }
      } catch (Stop stop) {
        throw stop;
      } catch (IOException | RuntimeException bad) {
        problems.add(here + (wanted ? ": unreadable entry: " : ": not a readable zip archive: ") + bad.getMessage());
      }
    }
  }

  private void walkStream(InputStream in, String location, int depth, Visitor visitor, List<String> problems)
      throws IOException {
    // the zip reader asks for 512 bytes at a time: buffer, or every level's streams are crossed per 512 bytes
    var zip = new ZipArchiveInputStream(new BufferedInputStream(new Unclosed(in), 64 * 1024),
        StandardCharsets.UTF_8.name(), true, true);
    var counted = new Counted(zip);
    ZipArchiveEntry e;
    // A nested archive's failure is said only once its parent read on: a truncated parent breaks both.
    String pending = null;
    while ((e = zip.getNextZipEntry()) != null) {
      if (pending != null) {
        problems.add(pending);
        pending = null;
      }
      if (++entries > limits.maxEntries()) {
        throw new Stop("more than " + limits.maxEntries() + " zip entries");
      }
      String name = e.getName();
      if (e.isDirectory()) {
        continue;
      }
      String here = location.isEmpty() ? name : location + "!/" + name;
      if (visitor.wants(name)) {
        visitor.entry(location, name, counted);
      } else if (visitor.nested(name)) {
        if (depth + 1 > limits.maxDepth()) {
          problems.add(here + ": archive nested more than " + limits.maxDepth() + " levels deep, not read");
        } else {
          try {
            walkAny(counted, e.getSize(), here, depth + 1, visitor, problems);
          } catch (Stop stop) {
            throw stop;
          } catch (IOException | RuntimeException bad) {
            pending = here + ": not a readable zip archive: " + bad.getMessage();
          }
        }
      }
      // What is left of the entry: skipped by the zip reader when its size is known, else inflated here
      // so that it is counted against the limits.
      if (e.getGeneralPurposeBit().usesDataDescriptor() || e.getCompressedSize() < 0) {
        counted.transferTo(OutputStream.nullOutputStream());
      }
    }
    if (pending != null) {
      problems.add(pending);
    }
  }

  private void charge(long n) throws Stop {
    expanded += n;
    if (expanded > limits.maxExpandedBytes()) {
      throw new Stop("expands to more than " + limits.maxExpandedBytes() + " bytes");
    }
    if (expanded > RATIO_FLOOR && expanded / size > limits.maxExpansionRatio()) {
      throw new Stop("expands more than " + limits.maxExpansionRatio() + " times its size: a zip bomb");
    }
  }

  /** The current entry's inflated bytes, charged to the walk as they are read. */
  private final class Counted extends FilterInputStream {
    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        charge(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        charge(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      charge(s);
      return s;
    }

    @Override
    public void close() {
      // the entry's archive goes on
    }
  }

  /** A nested archive must not close its parent's entry stream. */
  private static final class Unclosed extends FilterInputStream {
    Unclosed(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the parent goes on
    }
  }
}
