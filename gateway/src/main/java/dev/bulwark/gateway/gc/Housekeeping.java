package dev.bulwark.gateway.gc;

import dev.bulwark.gateway.store.ScanStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval (starting at a random point of the first one, so replicas do not all start
 * together): deletes finished scans older than the scan retention, then unreferenced blobs. Any
 * replica may run it at the same time as another; both steps only delete what is expired.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final ScanStore scans;
  private final BlobCollector blobs;
  private final Duration scanRetention;
  private final Clock clock;
  private final ScheduledExecutorService thread;

  public Housekeeping(ScanStore scans, BlobCollector blobs, Duration scanRetention, Duration interval, Clock clock) {
    this.scans = scans;
    this.blobs = blobs;
    this.scanRetention = scanRetention;
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "housekeeping");
      t.setDaemon(true);
      return t;
    });
    long period = interval.toMillis();
    thread.scheduleWithFixedDelay(this::runQuietly, ThreadLocalRandom.current().nextLong(period), period,
        TimeUnit.MILLISECONDS);
  }

  /** One round now: returns the scans deleted and what the blob collection did. */
  public String run() throws Exception {
    var now = clock.instant();
    int deleted = scans.deleteFinishedBefore(now.minus(scanRetention));
    var collected = blobs.collect(now);
    return deleted + " expired scan(s), " + collected;
  }

  private void runQuietly() {
    try {
      LOG.info("housekeeping: {}", run());
    } catch (Exception e) {
      LOG.warn("housekeeping failed (next round in one interval): {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
