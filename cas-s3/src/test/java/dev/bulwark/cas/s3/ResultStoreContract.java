package dev.bulwark.cas.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.Digests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every results store keeps (the scanners' results cache's SPI, {@code ResultStore} in the
 * server module): the local folder and the shared bucket pass the same tests. A store may forget
 * an entry, but never returns bytes other than those put.
 */
public abstract class ResultStoreContract {
  /** A results store as the contract sees it. */
  public interface Store {
    Optional<byte[]> get(String key) throws IOException;

    void put(String key, byte[] value) throws IOException;
  }

  /** A new, empty store. */
  protected abstract Store store() throws Exception;

  /** Another process's (replica's) view of the store last made by {@link #store()}. */
  protected abstract Store sameStoreElsewhere() throws Exception;

  protected static String key(int i) {
    return Digests.sha256Hex("unit " + i);
  }

  @Test
  @DisplayName("an unknown key has no value")
  void unknownKeyIsEmpty() throws Exception {
    assertThat(store().get(key(1))).isEmpty();
  }

  @Test
  @DisplayName("keeps what was put and replaces it")
  void keepsAndReplaces() throws Exception {
    var store = store();
    store.put(key(1), new byte[] {1, 2, 3});
    assertThat(store.get(key(1))).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
    store.put(key(1), new byte[] {4});
    assertThat(store.get(key(1))).hasValueSatisfying(v -> assertThat(v).containsExactly(4));
    store.put(key(2), new byte[0]);
    assertThat(store.get(key(2))).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  @DisplayName("keeps a whole scan's answer (hundreds of KiB) byte for byte, and another replica reads it")
  void keepsLargeValues() throws Exception {
    var store = store();
    byte[] answer = new byte[600 * 1024 + 3];
    new java.util.Random(17).nextBytes(answer);
    store.put(key(9), answer);
    assertThat(store.get(key(9))).hasValueSatisfying(v -> assertThat(v).isEqualTo(answer));
    assertThat(sameStoreElsewhere().get(key(9))).hasValueSatisfying(v -> assertThat(v).isEqualTo(answer));
  }

  @Test
  @DisplayName("another process or replica sees what one put")
  void sharedWithAnotherProcess() throws Exception {
    store().put(key(7), new byte[] {7});
    assertThat(sameStoreElsewhere().get(key(7))).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
  }

  @Test
  @DisplayName("keys sharing their first hex digits are kept apart")
  void keysWithTheSameFolderStayApart() throws Exception {
    var store = store();
    String a = "ab" + "0".repeat(62);
    String b = "ab" + "1".repeat(62);
    store.put(a, new byte[] {1});
    store.put(b, new byte[] {2});
    assertThat(store.get(a)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    assertThat(store.get(b)).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
  }

  @Test
  @DisplayName("writers racing on one key leave one whole value, never a mix")
  void racingWritersLeaveOneWholeValue() throws Exception {
    var store = store();
    var pool = Executors.newFixedThreadPool(4);
    try {
      var writes = new ArrayList<Future<Object>>();
      for (int w = 0; w < 8; w++) {
        byte[] value = new byte[20_000 + w];
        java.util.Arrays.fill(value, (byte) w);
        writes.add(pool.submit((Callable<Object>) () -> {
          store.put(key(3), value);
          return null;
        }));
      }
      for (var f : writes) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    byte[] v = store.get(key(3)).orElseThrow();
    int writer = v.length - 20_000;
    assertThat(writer).isBetween(0, 7);
    for (byte b : v) {
      assertThat(b).isEqualTo((byte) writer);
    }
  }

  @Test
  @DisplayName("refuses keys that are not lower-case hex (no path tricks)")
  void refusesBadKeys() throws Exception {
    var store = store();
    assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("ABCDEF0123", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("abc", new byte[1])).isInstanceOf(IllegalArgumentException.class);
  }
}
