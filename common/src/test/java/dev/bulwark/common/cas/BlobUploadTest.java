package dev.bulwark.common.cas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Digest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Uploads send exactly the bytes that were hashed, whatever happened to the file since")
class BlobUploadTest {
  static final int LARGE = ContentStoreClient.CHUNK_BYTES * 2 + 12_345; // three chunks

  @TempDir
  Path tmp;
  DiskBlobStore store;
  Server server;
  ManagedChannel channel;
  ContentStoreClient client;

  @BeforeEach
  void contentStore() throws Exception {
    store = new DiskBlobStore(tmp.resolve("store"));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ContentStoreService(store)).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    client = new ContentStoreClient(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  Path file(String name, byte[] content) throws Exception {
    return Files.write(tmp.resolve(name), content);
  }

  static byte[] random(int size, long seed) {
    var bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void aFileThatGrewAfterHashingIsStoredAsHashed() throws Exception {
    byte[] small = "2026-12-07 start\n".getBytes();
    byte[] large = random(LARGE, 1);
    Path log = file("app.log", small);
    Path db = file("data.db", large);
    Digest logDigest = Digests.of(log);
    Digest dbDigest = Digests.of(db);
    Files.write(log, "2026-12-07 more lines\n".getBytes(), StandardOpenOption.APPEND);
    Files.write(db, random(5000, 2), StandardOpenOption.APPEND);

    var uploaded = client.upload(Map.of(logDigest, log, dbDigest, db));

    assertThat(uploaded.changed()).isEmpty();
    assertThat(uploaded.bytes()).isEqualTo(small.length + (long) LARGE);
    assertThat(store.read(logDigest)).isEqualTo(small);
    assertThat(store.read(dbDigest)).isEqualTo(large);
  }

  @Test
  void aFileEditedInPlaceIsReportedAndNotStoredWhileTheOthersAre() throws Exception {
    Path edited = file("edited.txt", "password=one\n".getBytes());
    Path shrunk = file("shrunk.txt", "a longer line\n".getBytes());
    byte[] big = random(LARGE, 3);
    Path bigEdited = file("big.bin", big);
    Path kept = file("kept.txt", "unchanged\n".getBytes());
    Path keptBig = file("kept.bin", random(LARGE, 4));
    var blobs = new LinkedHashMap<Digest, Path>();
    for (Path p : new Path[] {edited, shrunk, bigEdited, kept, keptBig}) {
      blobs.put(Digests.of(p), p);
    }
    Files.write(edited, "password=two\n".getBytes());
    Files.write(shrunk, "short\n".getBytes());
    byte[] changedTail = Arrays.copyOf(big, big.length);
    changedTail[big.length - 1] ^= 1; // only the held-back last chunk differs
    Files.write(bigEdited, changedTail);

    var uploaded = client.upload(blobs);

    var digests = blobs.keySet().toArray(Digest[]::new);
    assertThat(uploaded.changed()).containsExactlyInAnyOrder(digests[0], digests[1], digests[2]);
    assertThat(store.contains(digests[0])).isFalse();
    assertThat(store.contains(digests[1])).isFalse();
    assertThat(store.contains(digests[2])).isFalse();
    assertThat(store.contains(digests[3])).isTrue();
    assertThat(store.contains(digests[4])).isTrue();
  }

  @Test
  void anEmptyFileIsStored() throws Exception {
    Path empty = file("empty", new byte[0]);
    Digest d = Digests.of(empty);

    assertThat(client.upload(Map.of(d, empty)).changed()).isEmpty();
    assertThat(store.contains(d)).isTrue();
  }
}
