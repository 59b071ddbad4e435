package dev.bulwark.container.image;

import dev.bulwark.common.cas.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Per-layer analysis results on disk, so that a rescan of an image (or of one sharing its base
 * layers) does not decompress and walk those layers again. An entry holds a layer's
 * {@link LayerChanges} and is keyed by the layer digest, the layer blob's size and the reader's
 * and analyzers' versions: a new analyzer version misses every old entry.
 *
 * <p>Files are {@code <dir>/<k0k1>/<k>.layer} where {@code k} is the SHA-256 of the key; each
 * starts with the full key and ends with a CRC-32 of its content. A file that cannot be read,
 * fails its CRC or holds another key is deleted and counted as corrupt, and the layer is read
 * again: the cache never fails a scan. Writes go to a temporary file moved into place, so
 * concurrent scans see whole entries or none.
 *
 * <p>The cache is bounded by the total size of its entry files ({@link #DEFAULT_MAX_BYTES} unless
 * given): when a store takes it above the bound, the least recently used entries (by file
 * modification time, which a hit refreshes) are deleted until it fits again.
 *
 * <p>The layer digest is taken from the image (the config's diff id, or an OCI blob name). A layer
 * is stored only after its content was hashed while being read and matched that digest
 * ({@link LayerDigests}), so a forged image cannot plant results under another layer's digest; a
 * layer with no digest (a {@code docker save} whose config lists no diff ids) is never cached.
 */
public final class LayerCache {
  private static final String MAGIC = "bulwark-layer-cache/1";
  /** The bound on the entries' total size when none is given: 2 GiB. */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
  private final Path dir;
  private final long maxBytes;
  private final LeastRecentlyUsed lru;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong corrupt = new AtomicLong();
  private final AtomicLong storeFailures = new AtomicLong();

  private LayerCache(Path dir, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("layer cache size bound must be positive, not " + maxBytes);
    }
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.lru = new LeastRecentlyUsed(dir, maxBytes, ".layer");
  }

  /** A cache in this directory (created at the first store), bounded to {@link #DEFAULT_MAX_BYTES}. */
  public static LayerCache at(Path dir) {
    return new LayerCache(dir, DEFAULT_MAX_BYTES);
  }

  /** A cache in this directory whose entries take at most {@code maxBytes} together. */
  public static LayerCache at(Path dir, long maxBytes) {
    return new LayerCache(dir, maxBytes);
  }

  /** No cache: every layer is read. */
  public static LayerCache none() {
    return new LayerCache(null, Long.MAX_VALUE);
  }

  /** Entries deleted to keep the cache within its bound. */
  public long evictions() {
    return lru.evictions();
  }

  /** The bound on the entries' total size. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Layers served from the cache. */
  public long hits() {
    return hits.get();
  }

  /** Layers looked up and not found (or found corrupt): they were read from the archive. */
  public long misses() {
    return misses.get();
  }

  /** Entries that were unreadable or damaged and were deleted. */
  public long corrupt() {
    return corrupt.get();
  }

  /** Entries that could not be written (the scan went on without them). */
  public long storeFailures() {
    return storeFailures.get();
  }

  /** The file an entry with this key lives in; for tests and diagnostics. */
  public Optional<Path> file(String key) {
    if (dir == null) {
      return Optional.empty();
    }
    String hex = Digests.sha256Hex(key);
    return Optional.of(dir.resolve(hex.substring(0, 2)).resolve(hex + ".layer"));
  }

  /** The cache key of a layer: its digest and blob size, and the version of what produced the entry. */
  static String key(String layerDigest, long blobSize, String version) {
    return version + "\n" + layerDigest + "\n" + blobSize;
  }

  Optional<LayerChanges> load(String key) {
    var file = file(key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file.get())) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    try {
      var changes = read(file.get(), key);
      hits.incrementAndGet();
      lru.touch(file.get());
      return Optional.of(changes);
    } catch (IOException | RuntimeException e) {
      corrupt.incrementAndGet();
      misses.incrementAndGet();
      try {
        Files.deleteIfExists(file.get());
      } catch (IOException ignored) {
        // rewritten after the layer is read
      }
      return Optional.empty();
    }
  }

  void store(String key, LayerChanges changes) {
    var file = file(key);
    if (file.isEmpty()) {
      return;
    }
    Path tmp = null;
    try {
      Files.createDirectories(file.get().getParent());
      tmp = Files.createTempFile(file.get().getParent(), "entry", ".tmp");
      write(tmp, key, changes);
      long size = Files.size(tmp);
      Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      lru.touch(file.get());
      lru.charge(size);
    } catch (IOException | RuntimeException e) {
      storeFailures.incrementAndGet();
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file is harmless
        }
      }
    }
  }

  private static void write(Path file, String key, LayerChanges layer) throws IOException {
    var bytes = new ByteArrayOutputStream(1 << 16);
    var out = new DataOutputStream(bytes);
    writeString(out, MAGIC);
    writeString(out, key);
    out.writeLong(layer.entries());
    out.writeLong(layer.uncompressedBytes());
    out.writeLong(layer.compressedBytes());
    out.writeInt(layer.changes().size());
    for (var c : layer.changes()) {
      out.writeByte(c.kind().ordinal());
      writeString(out, c.path());
      out.writeByte(c.type() == null ? -1 : c.type().ordinal());
      writeString(out, c.linkTarget());
      writeBytes(out, c.content());
    }
    var crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    try (var stream = Files.newOutputStream(file)) {
      bytes.writeTo(stream);
    }
  }

  private static LayerChanges read(Path file, String key) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < Long.BYTES) {
      throw new IOException("truncated entry");
    }
    var crc = new CRC32();
    crc.update(all, 0, all.length - Long.BYTES);
    var in = new DataInputStream(new ByteArrayInputStream(all));
    if (in.skip(all.length - Long.BYTES) != all.length - Long.BYTES || in.readLong() != crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
    in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - Long.BYTES));
    if (!MAGIC.equals(readString(in)) || !key.equals(readString(in))) {
      throw new IOException("not an entry for this key");
    }
    long entries = in.readLong();
    long uncompressed = in.readLong();
    long compressed = in.readLong();
    int n = in.readInt();
    if (n < 0 || n > entries) {
      throw new IOException("bad change count " + n);
    }
    var changes = new ArrayList<LayerChanges.Change>(n);
    var kinds = LayerChanges.Kind.values();
    var types = LayeredFileSystem.Type.values();
    for (int i = 0; i < n; i++) {
      var kind = kinds[in.readUnsignedByte()];
      String path = readString(in);
      int type = in.readByte();
      changes.add(new LayerChanges.Change(kind, path, type < 0 ? null : types[type], readString(in), readBytes(in)));
    }
    if (in.read() != -1) {
      throw new IOException("trailing bytes");
    }
    return new LayerChanges(changes, entries, uncompressed, compressed);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = readBytes(in);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < -1) {
      throw new IOException("bad length " + len);
    }
    if (len == -1) {
      return null;
    }
    byte[] b = in.readNBytes(len);
    if (b.length != len) {
      throw new EOFException("truncated entry");
    }
    return b;
  }
}
