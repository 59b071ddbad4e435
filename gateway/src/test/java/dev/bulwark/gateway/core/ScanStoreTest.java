package dev.bulwark.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanStoreTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static ScanRecord scan(String id, boolean finished) {
    var r = new ScanRecord(id, ScanContext.getDefaultInstance(), List.of("sast"));
    if (finished) {
      r.finish(ScanResult.newBuilder().setScanId(id).build());
    }
    return r;
  }

  @Test
  void keepsAtMostMaxScansDroppingTheOldestFinishedButNeverARunningOne() {
    var store = new ScanStore(2, Duration.ofHours(1), new ManualClock());
    store.add(scan("running", false));
    store.add(scan("old", true));
    store.add(scan("newer", true));
    store.add(scan("newest", true));

    assertThat(store.get("running")).isPresent();
    assertThat(store.get("old")).isEmpty();
    assertThat(store.get("newer")).isEmpty();
    assertThat(store.get("newest")).isPresent();
  }

  @Test
  void forgetsFinishedScansAfterTheRetentionPeriod() {
    var clock = new ManualClock();
    var store = new ScanStore(1000, Duration.ofHours(1), clock);
    // ScanRecord stamps its finish time from the system clock; the store's clock jumps past it.
    store.add(scan("done", true));
    store.add(scan("running", false));
    clock.now = Instant.now().plus(Duration.ofMinutes(59));
    assertThat(store.get("done")).isPresent();
    clock.now = Instant.now().plus(Duration.ofMinutes(61));
    assertThat(store.get("done")).isEmpty();
    assertThat(store.get("running")).isPresent();
  }
}
