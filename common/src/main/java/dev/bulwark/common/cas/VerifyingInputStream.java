package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads a stored blob and checks it against its digest on the way: a byte past the declared
 * size, a short blob or a different hash throws {@link CorruptBlobException} (at the latest on
 * the read that reaches the end), so no caller ever takes a corrupted blob for a good one.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final String where;
  private final MessageDigest md = Digests.sha256();
  private long read;
  private boolean verified;

  public VerifyingInputStream(InputStream in, Digest expected, String where) {
    super(in);
    this.expected = expected;
    this.where = where;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      md.update(b, off, n);
      read += n;
      if (read > expected.getSizeBytes()) {
        throw corrupt("is longer than its digest's " + expected.getSizeBytes() + " bytes");
      }
    } else if (n < 0 && !verified) {
      verify();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed.
    long skipped = 0;
    byte[] buf = new byte[8192];
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    verified = true;
    if (read != expected.getSizeBytes()) {
      throw corrupt("has " + read + " bytes, its digest says " + expected.getSizeBytes());
    }
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(expected.getHash())) {
      throw corrupt("hashes to " + actual);
    }
  }

  private CorruptBlobException corrupt(String what) {
    return new CorruptBlobException("corrupt blob " + Digests.format(expected) + " in " + where + ": it " + what
        + "; refusing it");
  }
}
