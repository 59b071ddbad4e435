package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * A content-addressed blob store: blobs named by their {@link Digest}, immutable once written,
 * verified against their digest when written and again when read. Local disk
 * ({@link DiskBlobStore}) is the embedded default; an S3-compatible bucket shared by every
 * gateway replica and scanner is the clustered one. The {@code bulwark.v1.ContentStore} gRPC
 * service ({@link ContentStoreService}) serves any of them.
 */
public interface BlobStore {
  /** True when the store holds the blob (by hash, with the digest's size). */
  boolean contains(Digest digest) throws IOException;

  /** The digests the store lacks, in the order given, each once. */
  default List<Digest> missing(Collection<Digest> digests) throws IOException {
    var unique = new LinkedHashMap<String, Digest>();
    digests.forEach(d -> unique.putIfAbsent(d.getHash(), d));
    var missing = new ArrayList<Digest>();
    for (Digest d : unique.values()) {
      if (!contains(d)) {
        missing.add(d);
      }
    }
    return missing;
  }

  /**
   * Opens the blob for reading. The stream verifies size and hash as it is read: its last read
   * throws {@link CorruptBlobException} when the stored bytes are not the digest's.
   *
   * @throws NoSuchBlobException when the store does not hold it
   */
  InputStream open(Digest digest) throws IOException;

  /** Starts writing one blob; nothing is visible until {@link BlobWriter#commit()} verified it. */
  BlobWriter writer(Digest digest) throws IOException;

  /** The whole blob, verified. */
  default byte[] read(Digest digest) throws IOException {
    try (InputStream in = open(digest)) {
      byte[] bytes = in.readAllBytes();
      if (in.read() != -1) {
        throw new IllegalStateException("unreachable: stream not at its end");
      }
      return bytes;
    }
  }

  /** Stores bytes already in memory (small blobs: manifests, tests). */
  default Digest put(byte[] bytes) throws IOException {
    Digest d = Digests.of(bytes);
    try (var w = writer(d)) {
      w.write(bytes, 0, bytes.length);
      w.commit();
    }
    return d;
  }

  /** Calls {@code each} with every blob the store holds (for garbage collection). */
  void forEach(Consumer<StoredBlob> each) throws IOException;

  /** Removes a blob; false when it was not there. */
  boolean delete(Digest digest) throws IOException;

  /** Throws when the store cannot take uploads now (health checks). */
  void checkWritable() throws IOException;

  /** Where the blobs are, for logs and health: "disk /var/lib/…", "s3 http://…/bucket/prefix". */
  String describe();

  /** A blob as listed by {@link #forEach}: its hash, size and when it was written. */
  record StoredBlob(Digest digest, Instant written) {}
}
