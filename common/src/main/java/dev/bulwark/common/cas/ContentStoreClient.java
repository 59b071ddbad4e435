package dev.bulwark.common.cas;

import dev.bulwark.v1.BlobChunk;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FindMissingBlobsRequest;
import dev.bulwark.v1.ReadBlobsRequest;
import io.grpc.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Talks to a content store: finds missing blobs, uploads them, reads them into a local cache. */
public final class ContentStoreClient {
  /** Largest chunk on the wire. */
  public static final int CHUNK_BYTES = 1024 * 1024;
  private static final int DIGESTS_PER_REQUEST = 10_000;

  private final Channel channel;

  public ContentStoreClient(Channel channel) {
    this.channel = channel;
  }

  /** The digests the store lacks, in the order given. */
  public List<Digest> findMissing(Collection<Digest> digests) {
    var stub = ContentStoreGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    var missing = new ArrayList<Digest>();
    var all = List.copyOf(digests);
    for (int i = 0; i < all.size(); i += DIGESTS_PER_REQUEST) {
      var batch = all.subList(i, Math.min(all.size(), i + DIGESTS_PER_REQUEST));
      missing.addAll(stub.findMissingBlobs(FindMissingBlobsRequest.newBuilder().addAllDigests(batch).build())
          .getMissingList());
    }
    return missing;
  }

  /**
   * What an upload did.
   *
   * @param bytes   bytes sent
   * @param changed blobs not sent because their file no longer starts with the bytes the digest
   *                names (edited in place, or shrunk, since it was hashed); a file that only grew is
   *                sent as hashed, without what was appended
   */
  public record Uploaded(long bytes, Set<Digest> changed) {}

  /**
   * Uploads the given blobs (digest → file), each exactly as its digest names it, in chunks of at
   * most 1 MiB; see {@link Uploaded} for files that changed since they were hashed.
   */
  public Uploaded upload(Map<Digest, Path> blobs) throws IOException {
    return blobs.isEmpty() ? new Uploaded(0, Set.of()) : new BlobUpload(channel).run(blobs);
  }

  /** Reads every digest not yet in {@code cache} from the store into it. */
  public void fetchInto(Collection<Digest> digests, DiskBlobStore cache) throws IOException {
    var missing = new LinkedHashMap<String, Digest>();
    for (Digest d : digests) {
      if (!cache.contains(d)) {
        missing.put(d.getHash(), d);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Iterator<BlobChunk> chunks = ContentStoreGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.MINUTES)
        .readBlobs(ReadBlobsRequest.newBuilder().addAllDigests(missing.values()).build());
    DiskBlobStore.BlobWriter writer = null;
    try {
      while (chunks.hasNext()) {
        BlobChunk chunk = chunks.next();
        if (writer == null || !writer.digest().getHash().equals(chunk.getDigest().getHash())) {
          if (writer != null) {
            writer.close();
          }
          writer = cache.writer(chunk.getDigest());
        }
        byte[] data = chunk.getData().toByteArray();
        writer.write(data, 0, data.length);
        if (writer.complete()) {
          writer.commit();
          writer.close();
          writer = null;
        }
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }
}
