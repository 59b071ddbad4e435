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
import java.time.Duration;
import java.time.Instant;
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
  @DisplayName("a new process takes the entries' total from the ledger while it is recent, and counts them when it is old or unreadable")
  void aNewProcessTrustsARecentLedgerAndCountsOtherwise() throws Exception {
    var first = new DiskResultStore(dir, 1024 * 1024);
    first.put(key(1), new byte[100]); // counts the (empty) folder and writes the ledger
    first.put(key(2), new byte[50]);
    // an entry the ledger does not know of (as another process's unrecorded write)
    Files.createDirectories(dir.resolve(key(3).substring(0, 2)));
    Files.write(dir.resolve(key(3).substring(0, 2)).resolve(key(3)), new byte[7]);

    assertThat(new DiskResultStore(dir, 1024 * 1024).size()).as("recent ledger: not listed again").isEqualTo(0);

    Files.setLastModifiedTime(dir.resolve("size"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    assertThat(new DiskResultStore(dir, 1024 * 1024).size()).as("old ledger: counted").isEqualTo(157);
    assertThat(Files.readString(dir.resolve("size"))).as("and recorded").isEqualTo("157");

    Files.writeString(dir.resolve("size"), "not a number");
    assertThat(new DiskResultStore(dir, 1024 * 1024).size()).as("unreadable ledger: counted").isEqualTo(157);
  }

  @Test
  @DisplayName("the ledger follows a process's writes and evictions, so the bound holds across processes")
  void theLedgerFollowsWritesAndEvictions() throws Exception {
    var store = new DiskResultStore(dir, 100_000);
    for (int i = 0; i < 64; i++) {
      store.put(key(i), new byte[10]);
    }
    assertThat(new DiskResultStore(dir, 100_000).size()).as("written after 64 puts").isEqualTo(640);

    var small = new DiskResultStore(dir, 600); // over its bound on the next write: evicts, records
    small.put(key(100), new byte[10]);
    assertThat(small.size()).isLessThanOrEqualTo(480);
    assertThat(new DiskResultStore(dir, 600).size()).isEqualTo(small.size());
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
