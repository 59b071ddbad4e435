package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.FileNotFoundException;

/** The store does not hold the blob asked for. */
public final class NoSuchBlobException extends FileNotFoundException {
  public NoSuchBlobException(Digest digest) {
    super("content store holds no blob " + Digests.format(digest));
  }
}
