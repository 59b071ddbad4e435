package dev.bulwark.common.cas;

import java.io.IOException;

/** A stored blob's bytes do not match its digest (bit rot, a truncated or overwritten object). */
public final class CorruptBlobException extends IOException {
  public CorruptBlobException(String message) {
    super(message);
  }
}
