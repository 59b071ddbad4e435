package dev.bulwark.container.image;

import dev.bulwark.artifacts.EmbeddedPackageDatabase;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads one layer blob (plain or gzip tar) into its {@link LayerChanges}: whiteouts
 * ({@code .wh.name}, {@code .wh..wh..opq}), nodes with the content of the files {@code capture}
 * accepts, hard links. Other regular files that an {@link EmbeddedPackageDatabase} examines are
 * streamed through it, and only its short record is kept as their content. Escaping names and
 * links, and layers beyond the {@link ImageLimits}, raise {@link HostileImageException}.
 */
final class LayerTarReader {
  /** Version of what {@link #read} records; part of the layer cache key. */
  static final String FORMAT_VERSION = "1";
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final ImageLimits limits;
  private final Predicate<String> capture;
  private final List<EmbeddedPackageDatabase> embedded;

  LayerTarReader(ImageLimits limits, Predicate<String> capture) {
    this(limits, capture, List.of());
  }

  LayerTarReader(ImageLimits limits, Predicate<String> capture, List<EmbeddedPackageDatabase> embedded) {
    this.limits = limits;
    this.capture = capture;
    this.embedded = List.copyOf(embedded);
  }

  /** Reads one layer's entries without touching the tree; the budget is charged as it goes. */
  LayerChanges read(InputStream raw, String layerPath, ReadBudget budget)
      throws IOException, HostileImageException {
    return read(raw, layerPath, budget, new LayerDigests());
  }

  /** As {@link #read(InputStream, String, ReadBudget)}, hashing the layer as stored and as uncompressed. */
  LayerChanges read(InputStream raw, String layerPath, ReadBudget budget, LayerDigests digests)
      throws IOException, HostileImageException {
    var compressed = new ReadBudget.CountingStream(new BufferedInputStream(digests.stored(raw)));
    compressed.mark(4);
    byte[] magic = compressed.readNBytes(4);
    compressed.reset();
    InputStream decompressed;
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      decompressed = new GzipCompressorInputStream(compressed, true);
    } else if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      throw new IOException("layer " + layerPath + " is zstd-compressed, which is not supported yet");
    } else {
      decompressed = compressed;
    }
    var counted = new ReadBudget.CountingStream(digests.uncompressed(decompressed));
    // Checked on every read, so a bomb is stopped while it inflates, not after.
    counted.guard = () -> budget.bytes(counted.count, compressed.count, layerPath);
    var changes = new ArrayList<LayerChanges.Change>();
    long entries = 0;
    try (var tar = new TarArchiveInputStream(counted)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        budget.entry(layerPath);
        entries++;
        String name = e.getName();
        if (name.startsWith("/")) {
          throw new HostileImageException("layer " + layerPath + ": absolute entry name '" + name + "'");
        }
        String path = Paths.normalise(name).orElseThrow(() ->
            new HostileImageException("layer " + layerPath + ": entry '" + name + "' escapes the root with '..'"));
        changes.add(change(tar, e, path, layerPath));
      }
      // Drain the rest (the tar's end padding too) so the compression ratio and the digests see everything.
      tar.transferTo(OutputStream.nullOutputStream());
      counted.transferTo(OutputStream.nullOutputStream());
      compressed.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The tar reader may wrap what a read threw: look for our limit in the causes.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ReadBudget.LimitExceeded limit) {
          throw new HostileImageException(limit.getMessage());
        }
      }
      throw e;
    }
    budget.layerDone(counted.count);
    return new LayerChanges(changes, entries, counted.count, compressed.count);
  }

  private LayerChanges.Change change(TarArchiveInputStream tar, TarArchiveEntry e, String path, String layerPath)
      throws IOException, HostileImageException {
    String base = path.substring(path.lastIndexOf('/') + 1);
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    if (base.equals(OPAQUE)) {
      return new LayerChanges.Change(LayerChanges.Kind.OPAQUE, dir, null, null, null);
    }
    if (base.startsWith(WHITEOUT)) {
      String hidden = base.substring(WHITEOUT.length());
      return new LayerChanges.Change(LayerChanges.Kind.WHITEOUT, dir.isEmpty() ? hidden : dir + "/" + hidden,
          null, null, null);
    }
    if (e.isSymbolicLink()) {
      String target = e.getLinkName();
      if (!target.startsWith("/") && Paths.resolveLink(path, target).isEmpty()) {
        throw new HostileImageException("layer " + layerPath + ": symlink '" + path + "' -> '" + target
            + "' points outside the image root");
      }
      return node(path, LayeredFileSystem.Type.SYMLINK, target, null);
    }
    if (e.isLink()) {
      String target = e.getLinkName();
      String resolved = target.startsWith("/") ? null : Paths.normalise(target).orElse(null);
      if (resolved == null) {
        throw new HostileImageException("layer " + layerPath + ": hard link '" + path + "' -> '" + target
            + "' points outside the image root");
      }
      return new LayerChanges.Change(LayerChanges.Kind.HARDLINK, path, LayeredFileSystem.Type.FILE, resolved, null);
    }
    if (e.isDirectory()) {
      return node(path, LayeredFileSystem.Type.DIRECTORY, null, null);
    }
    if (e.isFile()) {
      byte[] content = null;
      if (capture.test(path)) {
        if (e.getSize() > limits.maxCapturedFileBytes()) {
          throw new IOException(path + " is larger than " + limits.maxCapturedFileBytes() + " bytes");
        }
        content = tar.readNBytes((int) e.getSize());
      } else {
        content = extract(tar, e, path);
      }
      return node(path, LayeredFileSystem.Type.FILE, null, content);
    }
    return node(path, LayeredFileSystem.Type.OTHER, null, null);
  }

  /** The record of the first embedded database that examines the file and finds packages in it, else null. */
  private byte[] extract(TarArchiveInputStream tar, TarArchiveEntry e, String path) throws IOException {
    for (var db : embedded) {
      if (db.examines(path, e.getSize(), e.getMode())) {
        var in = new EntryStream(tar);
        var record = db.extract(path, in, e.getSize());
        if (in.failure != null) {
          throw in.failure; // the layer's own read failed (a limit, a truncated layer): not the file's fault
        }
        return record.orElse(null);
      }
    }
    return null;
  }

  /** The current entry, for an extractor: closing it does not close the tar; failures of the tar are kept. */
  private static final class EntryStream extends FilterInputStream {
    IOException failure;

    EntryStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void close() {
      // the tar goes on with its next entry
    }
  }

  private static LayerChanges.Change node(String path, LayeredFileSystem.Type type, String linkTarget, byte[] content) {
    return new LayerChanges.Change(LayerChanges.Kind.NODE, path, type, linkTarget, content);
  }
}
