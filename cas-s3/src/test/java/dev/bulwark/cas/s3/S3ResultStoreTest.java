package dev.bulwark.cas.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the S3 results store keeps the results-store contract against a real S3 API server")
class S3ResultStoreTest extends ResultStoreContract {
  static S3ApiServer server;
  final List<AutoCloseable> opened = new ArrayList<>();
  S3Settings settings;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ApiServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void closeStores() throws Exception {
    for (var c : opened) {
      c.close();
    }
  }

  /** A bucket with the blob store on it (which creates it), and a results store beside the blobs. */
  S3ResultStore open(Duration retention) {
    settings = server.settings("results-" + UUID.randomUUID());
    opened.add(S3BlobStore.open(settings));
    return openAgain(retention);
  }

  S3ResultStore openAgain(Duration retention) {
    var store = S3ResultStore.open(settings, "results/", retention);
    opened.add(store);
    return store;
  }

  static Store view(S3ResultStore s) {
    return new Store() {
      @Override
      public Optional<byte[]> get(String key) throws java.io.IOException {
        return s.get(key);
      }

      @Override
      public void put(String key, byte[] value) throws java.io.IOException {
        s.put(key, value);
      }
    };
  }

  @Override
  protected Store store() {
    return view(open(Duration.ofDays(7)));
  }

  @Override
  protected Store sameStoreElsewhere() {
    return view(openAgain(Duration.ofDays(7)));
  }

  @Test
  @DisplayName("entries are objects results/<first two hex>/<key>, which the blob store never lists as blobs")
  void layoutBesideTheBlobs() throws Exception {
    var store = open(Duration.ofDays(7));
    var blobs = S3BlobStore.open(settings);
    opened.add(blobs);
    var blob = blobs.put("a blob".getBytes());
    store.put(key(1), new byte[] {1});

    var keys = store.client().listObjectsV2(b -> b.bucket(settings.bucket())).contents().stream()
        .map(o -> o.key()).toList();
    assertThat(keys).contains("results/" + key(1).substring(0, 2) + "/" + key(1));
    var listed = new ArrayList<String>();
    blobs.forEach(b -> listed.add(b.digest().getHash()));
    assertThat(listed).containsExactly(blob.getHash());
  }

  @Test
  @DisplayName("a results prefix that overlaps the blobs' prefix is refused (blob GC would take results for blobs)")
  void overlappingPrefixRefused() {
    var s = server.settings("results-" + UUID.randomUUID());
    assertThatThrownBy(() -> S3ResultStore.open(s, "cas/results/", Duration.ofDays(1)))
        .hasMessageContaining("must not overlap");
    assertThatThrownBy(() -> S3ResultStore.open(s, "", Duration.ofDays(1))).hasMessageContaining("must be set");
    assertThatThrownBy(() -> S3ResultStore.open(s.withPrefix(""), "results/", Duration.ofDays(1)))
        .hasMessageContaining("must not overlap");
  }

  @Test
  @DisplayName("bounded by age: expiry deletes entries not written since, and nothing else in the bucket")
  void expiryDeletesOldEntriesOnly() throws Exception {
    var store = open(Duration.ofDays(7));
    var blobs = S3BlobStore.open(settings);
    opened.add(blobs);
    var blob = blobs.put("kept blob".getBytes());
    store.put(key(1), new byte[] {1});
    store.put(key(2), new byte[] {2});

    assertThat(store.expire(Instant.now().minus(Duration.ofHours(1)))).as("nothing that old").isZero();
    assertThat(store.get(key(1))).isPresent();
    assertThat(store.expire(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo(2);
    assertThat(store.get(key(1))).isEmpty();
    assertThat(store.get(key(2))).isEmpty();
    assertThat(blobs.contains(blob)).as("blobs are not results").isTrue();
  }

  @Test
  @DisplayName("an entry read after half its retention is written again, so entries in use outlive the retention")
  void entriesInUseAreRefreshed() throws Exception {
    var store = open(Duration.ofSeconds(4));
    store.put(key(1), new byte[] {1});
    Instant first = lastModified(store, key(1));
    Thread.sleep(3_100);

    assertThat(store.get(key(1))).isPresent();
    assertThat(lastModified(store, key(1))).isAfter(first);
    assertThat(store.expire()).as("refreshed: not expired").isZero();
    assertThat(store.get(key(1))).isPresent();
  }

  @Test
  @DisplayName("a bucket that is not there is an error for the caller to log, not a crash")
  void missingBucketIsAnIoError() {
    var store = S3ResultStore.open(server.settings("absent-" + UUID.randomUUID()), "results/", Duration.ofDays(1));
    opened.add(store);
    assertThatThrownBy(() -> store.get(Digests.sha256Hex("x"))).isInstanceOf(java.io.IOException.class);
  }

  private static Instant lastModified(S3ResultStore store, String key) {
    return store.client().headObject(b -> b.bucket(store.bucket()).key(store.object(key))).lastModified();
  }
}
