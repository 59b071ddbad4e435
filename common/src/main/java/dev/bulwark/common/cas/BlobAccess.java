package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;

/**
 * Which blobs of a shared content store the current caller may use. Blobs are shared by
 * digest, but a caller may only build a scan on blobs it uploaded or proved to hold (by
 * uploading the same bytes again): otherwise a digest alone (of a file seen in a log, say)
 * would let anyone scan, and so read, another project's content. For the same reason
 * {@code FindMissingBlobs} reports a blob the caller has not proved as missing, whoever else
 * holds it.
 */
public interface BlobAccess {
  /** Whether the current caller uploaded or proved this blob. */
  boolean mayUse(Digest digest);

  /** The current caller has just uploaded this blob, whose bytes matched its digest. */
  void proved(Digest digest);

  /**
   * Called before a blob's bytes are accepted; throws (with a status naming the limit) to refuse
   * it, e.g. for exceeding the largest blob allowed.
   */
  default void admit(Digest digest) {}

  /** Every caller may use every blob: a store without authentication (tests, scanners' caches). */
  BlobAccess OPEN = new BlobAccess() {
    @Override
    public boolean mayUse(Digest digest) {
      return true;
    }

    @Override
    public void proved(Digest digest) {}
  };
}
