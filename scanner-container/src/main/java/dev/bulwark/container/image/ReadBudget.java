package dev.bulwark.container.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Running totals of one image read against its {@link ImageLimits}, and the counting streams that feed them. */
final class ReadBudget {
  private final ImageLimits limits;
  private long entries;
  private long bytesBefore;

  ReadBudget(ImageLimits limits) {
    this.limits = limits;
  }

  void entry(String layer) throws HostileImageException {
    if (++entries > limits.maxEntries()) {
      throw new HostileImageException("more than " + limits.maxEntries() + " entries (at layer " + layer + ")");
    }
  }

  /** Charges a layer's entries at once (a layer served from the cache). */
  void entries(long n, String layer) throws HostileImageException {
    entries += n;
    if (entries > limits.maxEntries()) {
      throw new HostileImageException("more than " + limits.maxEntries() + " entries (at layer " + layer + ")");
    }
  }

  void bytes(long uncompressed, long compressed, String layer) throws LimitExceeded {
    if (bytesBefore + uncompressed > limits.maxUncompressedBytes()) {
      throw new LimitExceeded("more than " + limits.maxUncompressedBytes()
          + " bytes once decompressed (at layer " + layer + ")");
    }
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(1, compressed) > limits.maxCompressionRatio()) {
      throw new LimitExceeded("layer " + layer + " expands more than " + limits.maxCompressionRatio()
          + " times its compressed size: a decompression bomb");
    }
  }

  void layerDone(long uncompressed) {
    bytesBefore += uncompressed;
  }

  /** A limit hit while reading; an IOException so it can leave a stream's read(). */
  static final class LimitExceeded extends IOException {
    LimitExceeded(String message) {
      super(message);
    }
  }

  /** A check run on every read. */
  @FunctionalInterface
  interface Guard {
    void check() throws LimitExceeded;
  }

  /** Counts the bytes read through it. */
  static final class CountingStream extends FilterInputStream {
    long count;
    Guard guard = () -> { };
    private long marked;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        guard.check();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        guard.check();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      guard.check();
      return s;
    }

    @Override
    public synchronized void mark(int limit) {
      super.mark(limit);
      marked = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = marked;
    }
  }
}
