package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.util.Collection;

/**
 * Where a scanner fetches the blobs of a task from: a gateway replica's content store over gRPC
 * ({@link ContentStoreClient}) or the shared store itself ({@link StoreBlobSource}).
 */
public interface BlobSource {
  /** Copies every digest not yet in {@code cache} into it, each verified against its digest. */
  void fetchInto(Collection<Digest> digests, DiskBlobStore cache) throws IOException;
}
