package dev.bulwark.common.cas;

import com.google.protobuf.ByteString;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.Digest;
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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Uploads files as the blobs their digests name, sending exactly the bytes that were hashed: a
 * file is read only up to its digest's size (a log that grew since keeps its hashed prefix), and
 * its bytes are checked against the digest before the store can commit them. A file whose first
 * bytes changed (or that shrank) is not sent but reported, so the caller can leave it out.
 *
 * <p>Blobs of at most one chunk are read whole, checked, then sent in one shared stream. A larger
 * blob gets a stream of its own whose last chunk is held back until the whole file was checked:
 * when it does not match, that stream is cancelled and the store discards the partial blob.
 */
final class BlobUpload {
  private final Channel channel;
  private final Set<Digest> changed = new LinkedHashSet<>();
  private long sent;

  BlobUpload(Channel channel) {
    this.channel = channel;
  }

  ContentStoreClient.Uploaded run(Map<Digest, Path> blobs) throws IOException {
    var large = new ArrayList<Map.Entry<Digest, Path>>();
    Stream shared = null;
    for (var e : blobs.entrySet()) {
      Digest d = e.getKey();
      if (d.getSizeBytes() > ContentStoreClient.CHUNK_BYTES) {
        large.add(e);
        continue;
      }
      byte[] bytes = readPrefix(e.getValue(), (int) d.getSizeBytes());
      if (bytes == null || !Digests.of(bytes).getHash().equals(d.getHash())) {
        changed.add(d);
        continue;
      }
      if (shared == null) {
        shared = new Stream();
      }
      shared.send(d, 0, bytes, bytes.length);
      if (shared.serverFailed()) {
        break;
      }
    }
    if (shared != null) {
      shared.finish();
    }
    for (var e : large) {
      uploadLarge(e.getKey(), e.getValue());
    }
    return new ContentStoreClient.Uploaded(sent, Set.copyOf(changed));
  }

  private void uploadLarge(Digest d, Path file) throws IOException {
    var stream = new Stream();
    MessageDigest md = Digests.sha256();
    byte[] held = null;
    long heldAt = 0;
    long offset = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (offset < d.getSizeBytes()) {
        int want = (int) Math.min(ContentStoreClient.CHUNK_BYTES, d.getSizeBytes() - offset);
        byte[] chunk = in.readNBytes(want);
        if (chunk.length < want) {
          stream.cancel();
          changed.add(d); // shorter than when it was hashed
          return;
        }
        md.update(chunk);
        if (held != null) {
          stream.send(d, heldAt, held, held.length);
          if (stream.serverFailed()) {
            break;
          }
        }
        held = chunk;
        heldAt = offset;
        offset += chunk.length;
      }
    } catch (IOException | RuntimeException e) {
      stream.cancel();
      throw e;
    }
    if (!stream.serverFailed() && !HexFormat.of().formatHex(md.digest()).equals(d.getHash())) {
      stream.cancel();
      changed.add(d);
      return;
    }
    if (held != null && !stream.serverFailed()) {
      stream.send(d, heldAt, held, held.length);
    }
    stream.finish();
  }

  /** The first {@code size} bytes of the file, or null when it is shorter now. */
  private static byte[] readPrefix(Path file, int size) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(size);
      return bytes.length == size ? bytes : null;
    }
  }

  /** One UploadBlobs call. */
  private final class Stream {
    private final CompletableFuture<UploadBlobsResponse> done = new CompletableFuture<>();
    private final StreamObserver<UploadChunk> requests;

    Stream() {
      requests = ContentStoreGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.MINUTES)
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
    }

    void send(Digest d, long offset, byte[] data, int length) {
      requests.onNext(UploadChunk.newBuilder().setDigest(d).setOffset(offset)
          .setData(ByteString.copyFrom(data, 0, length)).build());
      sent += length;
    }

    /** The server already ended the call (it refused a chunk). */
    boolean serverFailed() {
      return done.isDone();
    }

    void cancel() {
      requests.onError(Status.CANCELLED.withDescription("the client withdrew this blob").asRuntimeException());
    }

    void finish() throws IOException {
      requests.onCompleted();
      try {
        done.get(30, TimeUnit.MINUTES);
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
}
