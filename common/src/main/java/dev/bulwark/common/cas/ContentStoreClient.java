package dev.bulwark.common.cas;

import com.google.protobuf.ByteString;
import dev.bulwark.v1.BlobChunk;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FindMissingBlobsRequest;
import dev.bulwark.v1.ReadBlobsRequest;
import dev.bulwark.v1.UploadBlobsResponse;
import dev.bulwark.v1.UploadChunk;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to a content store over gRPC (any gateway replica): finds missing blobs, uploads them,
 * reads them into a local cache.
 */
public final class ContentStoreClient implements BlobSource {
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
   * Uploads the given blobs (digest → file) in one client stream, in chunks of at most 1 MiB.
   * Returns how many bytes were sent.
   */
  public long upload(Map<Digest, Path> blobs) throws IOException {
    if (blobs.isEmpty()) {
      return 0;
    }
    var done = new CompletableFuture<UploadBlobsResponse>();
    var requests = ContentStoreGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.MINUTES)
        .uploadBlobs(new StreamObserver<>() {
          @Override
          public void onNext(UploadBlobsResponse value) {
            done.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            done.complete(UploadBlobsResponse.getDefaultInstance());
          }
        });
    long sent = 0;
    byte[] buf = new byte[CHUNK_BYTES];
    try {
      for (var e : blobs.entrySet()) {
        long offset = 0;
        try (InputStream in = Files.newInputStream(e.getValue())) {
          int n;
          do {
            n = in.readNBytes(buf, 0, buf.length);
            if (n > 0 || offset == 0) {
              requests.onNext(UploadChunk.newBuilder().setDigest(e.getKey()).setOffset(offset)
                  .setData(ByteString.copyFrom(buf, 0, Math.max(n, 0))).build());
              offset += Math.max(n, 0);
              sent += Math.max(n, 0);
            }
            if (done.isDone()) {
              break; // the server already failed the stream
            }
          } while (n == buf.length);
        }
      }
      requests.onCompleted();
    } catch (IOException | RuntimeException e) {
      requests.onError(Status.CANCELLED.withDescription("client failed: " + e).asRuntimeException());
      throw e;
    }
    await(done);
    return sent;
  }

  /** Reads every digest not yet in {@code cache} from the store into it. */
  @Override
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
    BlobWriter writer = null;
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

  private static <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get(30, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new UncheckedIOException(new IOException("upload timed out"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
