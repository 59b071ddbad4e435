package dev.bulwark.server.scanner.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cas.s3.ResultStoreContract;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the local results store keeps the results-store contract, within its size bound")
class DiskResultStoreTest extends ResultStoreContract {
  @TempDir
  Path dir;

  static Store view(DiskResultStore s) {
    return new Store() {
      @Override
      public Optional<byte[]> get(String key) throws IOException {
        return s.get(key);
      }

      @Override
      public void put(String key, byte[] value) throws IOException {
        s.put(key, value);
      }
    };
  }

  @Override
  protected Store store() {
    return view(new DiskResultStore(dir, 1024 * 1024));
  }

  @Override
  protected Store sameStoreElsewhere() {
    return view(new DiskResultStore(dir, 1024 * 1024));
  }

  @Test
  void keepsWhatWasPutAndReplacesIt() throws Exception {
    var store = new DiskResultStore(dir, 1024 * 1024);
    assertThat(store.get(key(1))).isEmpty();
    store.put(key(1), new byte[] {1, 2, 3});
    assertThat(store.get(key(1))).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
    store.put(key(1), new byte[] {4});
    assertThat(store.get(key(1))).hasValueSatisfying(v -> assertThat(v).containsExactly(4));
    assertThat(store.size()).isEqualTo(1);
    assertThat(new DiskResultStore(dir, 1024 * 1024).get(key(1))).as("another process sees it").isPresent();
  }

  @Test
  void staysWithinItsBoundDroppingTheLeastRecentlyUsedFirst() throws Exception {
    var store = new DiskResultStore(dir, 10_000);
    for (int i = 0; i < 9; i++) {
      store.put(key(i), new byte[1000]);
      // entries written a second apart, so "least recently used" is well defined on any file system
      setUsed(key(i), 1_000_000L + i * 1000L);
    }
    assertThat(store.get(key(0))).as("read: now the most recently used").isPresent();
    store.put(key(9), new byte[1000]);
    store.put(key(10), new byte[1000]); // 11,000 bytes > 10,000: down to 8,000

    assertThat(store.size()).isLessThanOrEqualTo(8000);
    assertThat(store.get(key(0))).isPresent();
    assertThat(store.get(key(10))).isPresent();
    assertThat(store.get(key(1))).isEmpty();
    assertThat(store.get(key(2))).isEmpty();
    assertThat(store.get(key(3))).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".partial"))).isEmpty();
    }
  }

  @Test
  void refusesKeysThatAreNotHexAndAnEmptyBound() {
    var store = new DiskResultStore(dir, 1000);
    assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DiskResultStore(dir, 0)).hasMessageContaining("positive size bound");
  }

  private void setUsed(String key, long millis) throws Exception {
    Files.setLastModifiedTime(dir.resolve(key.substring(0, 2)).resolve(key), FileTime.fromMillis(millis));
  }
}
