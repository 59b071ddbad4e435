package dev.bulwark.common.cas;

import com.google.protobuf.ByteString;
import dev.bulwark.v1.BlobChunk;
import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FindMissingBlobsRequest;
import dev.bulwark.v1.FindMissingBlobsResponse;
import dev.bulwark.v1.ReadBlobsRequest;
import dev.bulwark.v1.UploadBlobsResponse;
import dev.bulwark.v1.UploadChunk;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;

/** {@code bulwark.v1.ContentStore} over a {@link DiskBlobStore}. */
public final class ContentStoreService extends ContentStoreGrpc.ContentStoreImplBase {
  private final DiskBlobStore store;
  private final BlobAccess access;

  public ContentStoreService(DiskBlobStore store) {
    this(store, BlobAccess.OPEN);
  }

  /** @param access which blobs each caller may use (see {@link BlobAccess}) */
  public ContentStoreService(DiskBlobStore store, BlobAccess access) {
    this.store = store;
    this.access = access;
  }

  @Override
  public void findMissingBlobs(FindMissingBlobsRequest request, StreamObserver<FindMissingBlobsResponse> response) {
    var missing = FindMissingBlobsResponse.newBuilder();
    for (Digest d : request.getDigestsList()) {
      Digests.validate(d);
      if (!store.contains(d) || !access.mayUse(d)) {
        missing.addMissing(d);
      }
    }
    response.onNext(missing.build());
    response.onCompleted();
  }

  @Override
  public StreamObserver<UploadChunk> uploadBlobs(StreamObserver<UploadBlobsResponse> response) {
    return new StreamObserver<>() {
      private final UploadBlobsResponse.Builder stored = UploadBlobsResponse.newBuilder();
      private DiskBlobStore.BlobWriter writer;
      private boolean failed;

      @Override
      public void onNext(UploadChunk chunk) {
        if (failed) {
          return;
        }
        try {
          accept(chunk);
        } catch (IllegalArgumentException e) {
          fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (IOException e) {
          fail(Status.INTERNAL.withDescription("content store cannot write: " + e.getMessage()));
        }
      }

      private void accept(UploadChunk chunk) throws IOException {
        Digest d = chunk.getDigest();
        Digests.validate(d);
        if (chunk.getData().size() > ContentStoreClient.CHUNK_BYTES) {
          throw new IllegalArgumentException("chunk of " + d.getHash() + " is " + chunk.getData().size()
              + " bytes; the limit is " + ContentStoreClient.CHUNK_BYTES);
        }
        if (writer == null) {
          if (chunk.getOffset() != 0) {
            throw new IllegalArgumentException("blob " + d.getHash() + " starts at offset " + chunk.getOffset());
          }
          access.admit(d);
          writer = store.writer(d);
        } else if (!writer.digest().equals(d)) {
          throw new IllegalArgumentException("blob " + Digests.format(writer.digest()) + " ended after "
              + writer.written() + " bytes, before " + d.getHash() + " began");
        }
        if (chunk.getOffset() != writer.written()) {
          throw new IllegalArgumentException("chunk of " + d.getHash() + " at offset " + chunk.getOffset()
              + ", expected " + writer.written());
        }
        byte[] data = chunk.getData().toByteArray();
        writer.write(data, 0, data.length);
        if (writer.complete()) {
          try (var w = writer) {
            writer = null;
            w.commit();
          }
          access.proved(d);
          stored.addStored(d);
        }
      }

      private void fail(Status status) {
        failed = true;
        closeWriter();
        response.onError(status.asRuntimeException());
      }

      private void closeWriter() {
        if (writer != null) {
          try {
            writer.close();
          } catch (IOException ignored) {
            // the partial file is garbage either way
          }
          writer = null;
        }
      }

      @Override
      public void onError(Throwable t) {
        closeWriter();
      }

      @Override
      public void onCompleted() {
        if (failed) {
          return;
        }
        if (writer != null) {
          fail(Status.INVALID_ARGUMENT.withDescription("upload ended inside blob "
              + Digests.format(writer.digest()) + " after " + writer.written() + " bytes"));
          return;
        }
        response.onNext(stored.build());
        response.onCompleted();
      }
    };
  }

  @Override
  public void readBlobs(ReadBlobsRequest request, StreamObserver<BlobChunk> response) {
    var calls = (ServerCallStreamObserver<BlobChunk>) response;
    var digests = new ArrayList<Digest>(request.getDigestsList());
    for (Digest d : digests) {
      Digests.validate(d);
      if (!store.contains(d)) {
        throw Refusal.notFound("content store holds no blob " + Digests.format(d));
      }
    }
    byte[] buf = new byte[ContentStoreClient.CHUNK_BYTES];
    for (Digest d : digests) {
      try (InputStream in = Files.newInputStream(store.path(d))) {
        long offset = 0;
        int n;
        do {
          n = in.readNBytes(buf, 0, buf.length);
          if (n > 0 || offset == 0) {
            if (calls.isCancelled()) {
              return;
            }
            response.onNext(BlobChunk.newBuilder().setDigest(d).setOffset(offset)
                .setData(ByteString.copyFrom(buf, 0, n)).build());
            offset += n;
          }
        } while (n == buf.length);
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("cannot read blob " + d.getHash() + ": " + e.getMessage())
            .asRuntimeException();
      }
    }
    response.onCompleted();
  }
}
