package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The size and SHA-256 of a blob as its bytes arrive, held against the digest it was announced
 * with: what every {@link BlobWriter} verifies, whatever it writes to (a disk, a bucket).
 */
public final class BlobCheck {
  private final Digest expected;
  private final MessageDigest md = Digests.sha256();
  private long written;

  public BlobCheck(Digest expected) {
    this.expected = expected;
  }

  /**
   * Counts and hashes the next bytes.
   *
   * @throws IllegalArgumentException when they run past the digest's size (then nothing is counted)
   */
  public void add(byte[] data, int off, int len) {
    if (written + len > expected.getSizeBytes()) {
      throw new IllegalArgumentException("blob " + Digests.format(expected) + " is larger than its digest says");
    }
    md.update(data, off, len);
    written += len;
  }

  public long written() {
    return written;
  }

  /**
   * Checks that all the bytes arrived and hash to the digest; call once, after the last byte.
   *
   * @throws IllegalArgumentException naming the digest when the size or the hash differs
   */
  public void verify() {
    if (written != expected.getSizeBytes()) {
      throw new IllegalArgumentException("blob " + Digests.format(expected) + " ended after " + written + " bytes");
    }
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(expected.getHash())) {
      throw new IllegalArgumentException("blob content does not match its digest: declared "
          + expected.getHash() + ", received " + actual);
    }
  }
}
