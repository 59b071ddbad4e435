package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;

/**
 * Receives the bytes of one blob in order, then verifies them against the digest and publishes
 * the blob. Closing without a successful {@link #commit()} discards what was written.
 */
public interface BlobWriter extends AutoCloseable {
  Digest digest();

  long written();

  /** @throws IllegalArgumentException when the bytes run past the digest's size */
  void write(byte[] data, int off, int len) throws IOException;

  default boolean complete() {
    return written() == digest().getSizeBytes();
  }

  /**
   * Verifies size and hash, then makes the blob visible (atomically: readers see all of it or
   * nothing).
   *
   * @throws IllegalArgumentException naming the digest when the bytes do not match it
   */
  void commit() throws IOException;

  @Override
  void close() throws IOException;
}
