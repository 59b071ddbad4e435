package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Blobs on local disk, named by digest ({@code <root>/ab/abcdef…}). The gateway keeps the
 * authoritative content store in one; scanners keep their local cache in another. A blob
 * becomes visible only after its bytes were verified against its digest.
 */
public final class DiskBlobStore {
  private final Path root;

  public DiskBlobStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blob store at " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  public boolean contains(Digest digest) {
    Digests.validate(digest);
    Path p = path(digest);
    try {
      return Files.isRegularFile(p) && Files.size(p) == digest.getSizeBytes();
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the blob lives (whether or not it is there yet). */
  public Path path(Digest digest) {
    Digests.validate(digest);
    String h = digest.getHash();
    return root.resolve(h.substring(0, 2)).resolve(h);
  }

  /** Stores bytes already in memory (tests, small blobs). */
  public Digest put(byte[] bytes) throws IOException {
    Digest d = Digests.of(bytes);
    try (var w = writer(d)) {
      w.write(bytes, 0, bytes.length);
      w.commit();
    }
    return d;
  }

  public byte[] read(Digest digest) throws IOException {
    return Files.readAllBytes(path(digest));
  }

  /** Starts writing one blob; nothing is visible until {@link BlobWriter#commit()} succeeds. */
  public BlobWriter writer(Digest digest) throws IOException {
    Digests.validate(digest);
    Path tmp = Files.createTempFile(root.resolve("tmp"), digest.getHash().substring(0, 8), ".part");
    return new BlobWriter(digest, tmp);
  }

  /** Receives the bytes of one blob in order, then verifies and publishes it. */
  public final class BlobWriter implements AutoCloseable {
    private final Digest expected;
    private final Path tmp;
    private final OutputStream out;
    private final MessageDigest md = Digests.sha256();
    private long written;
    private boolean committed;

    private BlobWriter(Digest expected, Path tmp) throws IOException {
      this.expected = expected;
      this.tmp = tmp;
      this.out = Files.newOutputStream(tmp);
    }

    public Digest digest() {
      return expected;
    }

    public long written() {
      return written;
    }

    public void write(byte[] data, int off, int len) throws IOException {
      if (written + len > expected.getSizeBytes()) {
        throw new IllegalArgumentException("blob " + Digests.format(expected) + " is larger than its digest says");
      }
      out.write(data, off, len);
      md.update(data, off, len);
      written += len;
    }

    public boolean complete() {
      return written == expected.getSizeBytes();
    }

    /** Verifies size and hash and publishes the blob atomically. */
    public void commit() throws IOException {
      out.close();
      if (written != expected.getSizeBytes()) {
        throw new IllegalArgumentException("blob " + Digests.format(expected) + " ended after "
            + written + " bytes");
      }
      String actual = HexFormat.of().formatHex(md.digest());
      if (!actual.equals(expected.getHash())) {
        throw new IllegalArgumentException("blob content does not match its digest: declared "
            + expected.getHash() + ", received " + actual);
      }
      Path target = path(expected);
      Files.createDirectories(target.getParent());
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      out.close();
      if (!committed) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
