package dev.bulwark.common.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.v1.Digest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} must do, run against each backend (local disk, an S3 API server):
 * blobs are named by digest, verified when written and again when read, visible only once
 * complete, and a stored object whose bytes were changed behind the store's back is refused.
 */
public abstract class BlobStoreContract {
  @TempDir
  protected Path tmp;

  /** The store under test (fresh and empty for each test). */
  protected abstract BlobStore store() throws Exception;

  /** Replaces the stored bytes of a blob behind the store's back (bit rot, a bad overwrite). */
  protected abstract void corrupt(Digest digest, byte[] bytes) throws Exception;

  /** Bytes that make a store split the blob into several parts, where it has parts at all. */
  protected int largeBlobBytes() {
    return 11 * 1024 * 1024 + 17;
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  @DisplayName("a blob put is contained and reads back byte for byte")
  void putThenRead() throws Exception {
    var store = store();
    Digest d = store.put(text("SELECT * FROM users WHERE id = ' + id"));

    assertThat(store.contains(d)).isTrue();
    assertThat(store.read(d)).isEqualTo(text("SELECT * FROM users WHERE id = ' + id"));
  }

  @Test
  @DisplayName("the empty blob is a blob like any other")
  void emptyBlob() throws Exception {
    var store = store();
    Digest d = store.put(new byte[0]);

    assertThat(store.contains(d)).isTrue();
    assertThat(store.read(d)).isEmpty();
  }

  @Test
  @DisplayName("missing() names exactly the absent digests, once each, in the order asked")
  void missingNamesAbsentDigests() throws Exception {
    var store = store();
    Digest present = store.put(text("present"));
    Digest absentA = Digests.of(text("absent a"));
    Digest absentB = Digests.of(text("absent b"));

    assertThat(store.missing(List.of(absentB, present, absentA, absentB))).containsExactly(absentB, absentA);
    assertThat(store.contains(absentA)).isFalse();
  }

  @Test
  @DisplayName("a digest with the right hash but another size is not contained")
  void sizeIsPartOfTheName() throws Exception {
    var store = store();
    Digest d = store.put(text("twelve bytes"));

    assertThat(store.contains(d.toBuilder().setSizeBytes(13).build())).isFalse();
  }

  @Test
  @DisplayName("a write whose bytes do not hash to the digest is refused and leaves nothing behind")
  void mismatchedWriteIsRefused() throws Exception {
    var store = store();
    Digest claimed = Digests.of(text("what the client said"));
    byte[] other = text("what the client sent");   // same length, other bytes

    try (var w = store.writer(claimed)) {
      w.write(other, 0, other.length);
      assertThatThrownBy(w::commit).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not match its digest").hasMessageContaining(claimed.getHash());
    }
    assertThat(store.contains(claimed)).isFalse();
  }

  @Test
  @DisplayName("more bytes than the digest says are refused at once")
  void overlongWriteIsRefused() throws Exception {
    var store = store();
    Digest d = Digests.of(text("short"));

    try (var w = store.writer(d)) {
      assertThatThrownBy(() -> w.write(text("short and then some"), 0, 19))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than its digest");
    }
    assertThat(store.contains(d)).isFalse();
  }

  @Test
  @DisplayName("a writer closed before commit publishes nothing")
  void abandonedWriteIsInvisible() throws Exception {
    var store = store();
    byte[] bytes = text("half an upload");
    Digest d = Digests.of(bytes);

    try (var w = store.writer(d)) {
      w.write(bytes, 0, 4);
    }
    assertThat(store.contains(d)).isFalse();
    assertThatThrownBy(() -> store.open(d)).isInstanceOf(NoSuchBlobException.class);
  }

  @Test
  @DisplayName("a large blob written in 1 MiB chunks (several parts where the store has parts) reads back whole")
  void largeBlobRoundTrip() throws Exception {
    var store = store();
    byte[] bytes = random(largeBlobBytes(), 7);
    Digest d = Digests.of(bytes);

    try (var w = store.writer(d)) {
      for (int off = 0; off < bytes.length; off += ContentStoreClient.CHUNK_BYTES) {
        w.write(bytes, off, Math.min(ContentStoreClient.CHUNK_BYTES, bytes.length - off));
      }
      assertThat(w.complete()).isTrue();
      w.commit();
    }
    assertThat(store.contains(d)).isTrue();
    assertThat(store.read(d)).isEqualTo(bytes);
  }

  @Test
  @DisplayName("a large blob whose last byte is wrong is refused and never becomes visible")
  void largeMismatchIsRefused() throws Exception {
    var store = store();
    byte[] bytes = random(largeBlobBytes(), 8);
    Digest d = Digests.of(bytes);
    bytes[bytes.length - 1] ^= 1;

    try (var w = store.writer(d)) {
      w.write(bytes, 0, bytes.length);
      assertThatThrownBy(w::commit).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(store.contains(d)).isFalse();
  }

  @Test
  @DisplayName("the same blob written twice at once is stored once, and both writers succeed")
  void concurrentWritesOfOneBlob() throws Exception {
    var store = store();
    byte[] bytes = random(300_000, 9);
    Digest d = Digests.of(bytes);
    var writes = new ArrayList<CompletableFuture<Void>>();
    for (int i = 0; i < 2; i++) {
      writes.add(CompletableFuture.runAsync(() -> {
        try (var w = store.writer(d)) {
          w.write(bytes, 0, bytes.length);
          w.commit();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    writes.forEach(CompletableFuture::join);

    assertThat(store.read(d)).isEqualTo(bytes);
    var listed = new ArrayList<Digest>();
    store.forEach(b -> listed.add(b.digest()));
    assertThat(listed).containsExactly(d);
  }

  @Test
  @DisplayName("a stored object whose bytes changed is detected by its digest and refused on read")
  void corruptedObjectIsRefused() throws Exception {
    var store = store();
    Digest d = store.put(text("password = os.environ['DB_PASSWORD']"));
    corrupt(d, text("password = 'hunter2'  # same length!!"));

    assertThatThrownBy(() -> store.read(d)).isInstanceOf(CorruptBlobException.class)
        .hasMessageContaining(d.getHash()).hasMessageContaining("refusing");
  }

  @Test
  @DisplayName("a truncated object is refused too")
  void truncatedObjectIsRefused() throws Exception {
    var store = store();
    Digest d = store.put(text("a file of some length"));
    corrupt(d, text("a file"));

    assertThatThrownBy(() -> {
      try (InputStream in = store.open(d)) {
        in.readAllBytes();
      }
    }).isInstanceOf(CorruptBlobException.class);
  }

  @Test
  @DisplayName("forEach lists every blob with its size; delete removes one")
  void listAndDelete() throws Exception {
    var store = store();
    Digest a = store.put(text("a"));
    Digest bc = store.put(text("bc"));

    var listed = new ArrayList<BlobStore.StoredBlob>();
    store.forEach(listed::add);
    assertThat(listed).extracting(BlobStore.StoredBlob::digest).containsExactlyInAnyOrder(a, bc);
    assertThat(listed).allSatisfy(b -> assertThat(b.written()).isNotNull());

    assertThat(store.delete(a)).isTrue();
    assertThat(store.contains(a)).isFalse();
    assertThat(store.contains(bc)).isTrue();
    assertThat(store.delete(a)).isFalse();
  }

  @Test
  @DisplayName("over gRPC: uploads land in the store, a scanner's cache fetches them, a corrupted one is DATA_LOSS")
  void servedOverGrpc() throws Exception {
    var store = store();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ContentStoreService(store)).build().start();
    ManagedChannel channel = Channels.forTarget("127.0.0.1:" + server.getPort());
    try {
      var client = new ContentStoreClient(channel);
      Path file = Files.write(tmp.resolve("app.py"), text("eval(request.args['q'])"));
      Digest d = Digests.of(file);
      assertThat(client.findMissing(List.of(d))).containsExactly(d);
      client.upload(Map.of(d, file));
      assertThat(client.findMissing(List.of(d))).isEmpty();

      var cache = new DiskBlobStore(tmp.resolve("cache"));
      client.fetchInto(List.of(d), cache);
      assertThat(cache.read(d)).isEqualTo(text("eval(request.args['q'])"));

      corrupt(d, text("print(request.args['q'])"));
      var second = new DiskBlobStore(tmp.resolve("cache2"));
      assertThatThrownBy(() -> client.fetchInto(List.of(d), second))
          .satisfies(e -> assertThat(e).isInstanceOfAny(StatusRuntimeException.class, IllegalArgumentException.class));
      assertThat(second.contains(d)).as("nothing corrupt reaches a cache").isFalse();
      var status = catchStatus(() -> client.fetchInto(List.of(d), new DiskBlobStore(tmp.resolve("cache3"))));
      assertThat(status).isIn(Status.Code.DATA_LOSS, Status.Code.UNKNOWN);
    } finally {
      Channels.close(channel);
      server.shutdownNow();
    }
  }

  private static Status.Code catchStatus(ThrowingRunnable r) {
    try {
      r.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } catch (Exception e) {
      return Status.Code.UNKNOWN;
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
