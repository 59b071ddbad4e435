package dev.bulwark.gateway.core;

import dev.bulwark.gateway.store.ExpiredLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's leases alive and takes over the scans of replicas that died: every third
 * of a lease it renews the lease of each scan it coordinates (stopping those it lost) and claims a
 * few expired ones (chosen at random, so the survivors share a dead replica's scans).
 */
final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  /** Expired scans one replica claims per round at most. */
  static final int CLAIMS_PER_ROUND = 8;

  private final ScanCoordinator c;
  private final Duration lease;
  private final ScheduledExecutorService thread;

  LeaseKeeper(ScanCoordinator c, Duration lease) {
    this.c = c;
    this.lease = lease;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "scan-leases");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(50, lease.toMillis() / 3);
    thread.scheduleWithFixedDelay(this::round, ThreadLocalRandom.current().nextLong(period), period,
        TimeUnit.MILLISECONDS);
  }

  private void round() {
    try {
      renew();
      takeOver();
    } catch (RuntimeException e) {
      LOG.warn("lease round failed (the database may be unreachable): {}", e.toString());
    }
  }

  private void renew() {
    var until = c.now().plus(lease);
    for (ScanRun run : c.runs().values()) {
      if (!run.stopped() && !c.scans().renew(run.scanId, c.replica(), run.epoch, until)) {
        run.stop("its lease was taken over by another replica or the scan ended");
      }
    }
  }

  private void takeOver() {
    var now = c.now();
    var expired = new ArrayList<>(c.scans().expired(now, 4 * CLAIMS_PER_ROUND));
    Collections.shuffle(expired);
    int claimed = 0;
    for (ExpiredLease e : expired) {
      if (claimed == CLAIMS_PER_ROUND) {
        break;
      }
      var epoch = c.scans().claim(e, c.replica(), now, now.plus(lease));
      if (epoch.isPresent()) {
        claimed++;
        try {
          c.takeOver(e, epoch.get());
        } catch (RuntimeException ex) {
          LOG.error("taking over scan {} failed", e.scanId(), ex);
        }
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
