package dev.bulwark.cas.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.cas.BlobStoreContract;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

@DisplayName("the S3 content store keeps the content-store contract against a real S3 API server")
class S3BlobStoreTest extends BlobStoreContract {
  static S3ApiServer server;
  S3BlobStore store;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ApiServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  protected BlobStore store() {
    store = S3BlobStore.open(server.settings("cas-" + UUID.randomUUID()));
    return store;
  }

  @Override
  protected void corrupt(Digest digest, byte[] bytes) {
    store.client().putObject(b -> b.bucket(store.settings().bucket()).key(store.key(digest)),
        RequestBody.fromBytes(bytes));
  }

  @Test
  @DisplayName("a blob seen present is taken as present for a minute after each use, at most an hour after the bucket confirmed it")
  void memoryOfPresentBlobs() throws Exception {
    var s = (S3BlobStore) store();
    var now = new AtomicLong(1_000_000);
    s.clock(now::get);
    Digest d = s.put("seen".getBytes(StandardCharsets.UTF_8)); // our upload: confirmed
    s.client().deleteObject(b -> b.bucket(s.settings().bucket()).key(s.key(d))); // behind the store's back

    for (int use = 0; use < 71; use++) { // 71 × 50 s: 3,550 s
      now.addAndGet(50_000); // used every 50 s: remembered, so the bucket is not asked
      assertThat(s.missing(List.of(d))).as("after %d uses", use + 1).isEmpty();
    }
    now.addAndGet(50_000); // used within the minute, but an hour since the upload confirmed it: asked again
    assertThat(s.contains(d)).isFalse();

    Digest e = s.put("unused".getBytes(StandardCharsets.UTF_8));
    s.client().deleteObject(b -> b.bucket(s.settings().bucket()).key(s.key(e)));
    now.addAndGet(S3BlobStore.SEEN_MILLIS + 1); // not used for a minute: asked again
    assertThat(s.missing(List.of(e))).containsExactly(e);
  }

  @Test
  @DisplayName("blobs are objects <prefix><first two hex>/<sha256>, so operators can find them")
  void objectLayout() throws Exception {
    var s = (S3BlobStore) store();
    Digest d = s.put("layout".getBytes(StandardCharsets.UTF_8));

    var keys = s.client().listObjectsV2(b -> b.bucket(s.settings().bucket())).contents().stream()
        .map(o -> o.key()).toList();
    assertThat(keys).containsExactly("cas/" + d.getHash().substring(0, 2) + "/" + d.getHash());
  }

  @Test
  @DisplayName("wrong credentials fail at start with a message naming the store")
  void wrongCredentials() {
    var bad = S3Settings.compatible(server.endpoint(), "any", "nobody", "wrong");

    assertThatThrownBy(() -> S3BlobStore.open(bad)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("s3 " + server.endpoint() + "/any");
  }

  @Test
  @DisplayName("a missing bucket is an error unless the settings ask to create it")
  void missingBucket() {
    var settings = S3Settings.compatible(server.endpoint(), "absent-" + UUID.randomUUID(),
        S3ApiServer.ACCESS_KEY, S3ApiServer.SECRET_KEY);

    assertThatThrownBy(() -> S3BlobStore.open(settings)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not usable");
    try (var created = S3BlobStore.open(settings.withCreateBucket(true))) {
      assertThat(created.describe()).contains(settings.bucket());
    }
  }

  @Test
  @DisplayName("settings refuse parts under S3's 5 MiB minimum and half-given credentials")
  void settingsAreChecked() {
    assertThatThrownBy(() -> S3Settings.compatible("http://x", "b", "k", "s").withPartSize(1024))
        .hasMessageContaining("5 MiB");
    assertThatThrownBy(() -> S3Settings.compatible("http://x", "b", "k", ""))
        .hasMessageContaining("both accessKeyId and secretAccessKey");
    assertThat(Digests.sha256Hex("x")).hasSize(64);
  }
}
