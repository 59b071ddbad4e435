package dev.bulwark.cas.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.cas.BlobStoreContract;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.Digest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
