package dev.bulwark.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the scan store on PostgreSQL")
class PostgresScanStoreTest extends ScanStoreContract {
  @Override
  Databases.Db open() {
    return Databases.postgres();
  }

  @Test
  @DisplayName("every event is announced to the listening replicas (scan id and sequence) when it commits")
  void eventsAreNotified() throws Exception {
    var heard = new LinkedBlockingQueue<String>();
    try (var listening = ScanNotifications.start(store, (id, seq) -> heard.add(id + ":" + seq))) {
      assertThat(listening.awaitListening(Duration.ofSeconds(30))).isTrue();
      String id = store.create(scan("", "a")).scan().scanId();
      store.append(id, 1, progress("started"));
      store.appendAll(id, 1, List.of(progress("a"), progress("b")));
      store.finish(id, 1, result(id, Verdict.PASS), T0.plusSeconds(5));

      var got = new ArrayList<String>();
      for (int i = 0; i < 3; i++) {
        got.add(heard.poll(30, TimeUnit.SECONDS));
      }
      assertThat(got).containsExactly(id + ":1", id + ":3", id + ":4");
    }
  }
}
