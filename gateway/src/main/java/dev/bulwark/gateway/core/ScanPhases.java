package dev.bulwark.gateway.core;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the time of a scan goes outside the scanners, phase by phase: a timer per phase in the
 * admin port's {@code /metrics} ({@code bulwark.scan.phase.<name>}) and, at DEBUG on this class's
 * logger, one line per scan when it is recorded ({@code scan <id> phases ms: validate=3 record=2 ...})
 * and one when a watcher here has the result ({@code scan <id> delivered ms: deliver=1}), which
 * {@code bench/cluster} reads to print the fixed overhead's breakdown.
 *
 * <p>Phases of a scan this replica starts: {@code admit} (the caller's caps, blob proofs and slot),
 * {@code validate} (request and blobs present),
 * {@code manifest} (stored), {@code record} (the scan's row), {@code queue} (until its run starts),
 * {@code dispatch} (until every scanner call is under way), {@code scanners} (until the last
 * scanner's result is recorded), {@code collect} (results gathered, lease checked),
 * {@code policy} (repository policy and ignore file read), {@code gate} (the decision),
 * {@code finish} (the result recorded), {@code deliver} (until a watcher on this replica has it).
 */
public final class ScanPhases {
  private static final Logger LOG = LoggerFactory.getLogger(ScanPhases.class);
  private static final String PREFIX = "bulwark.scan.phase.";

  private final MetricRegistry registry = new MetricRegistry();

  /** The timers, for the application's metric registry. */
  public MetricRegistry registry() {
    return registry;
  }

  /** A new scan's stopwatch, started now. */
  Watch start() {
    return new Watch(System.nanoTime());
  }

  /** A new scan's stopwatch, started when its request arrived ({@link System#nanoTime()}). */
  Watch startedAt(long arrivedNanos) {
    return new Watch(arrivedNanos);
  }

  /** How many scans went through this phase here. */
  public long count(String phase) {
    return registry.timer(PREFIX + phase).getCount();
  }

  /** One scan's phases, lapped in order; thread-safe (scanner threads lap too). */
  final class Watch {
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private long last;

    private Watch(long startNanos) {
      last = startNanos;
    }

    /** Ends the phase {@code name} now (and starts the next). */
    synchronized void lap(String name) {
      long now = System.nanoTime();
      add(name, now - last);
      last = now;
    }

    /** Restarts the clock without recording (a phase this watch does not time). */
    synchronized void reset() {
      last = System.nanoTime();
    }

    synchronized void add(String name, long nanos) {
      laps.merge(name, nanos, Long::sum);
      registry.timer(PREFIX + name).update(nanos, TimeUnit.NANOSECONDS);
    }

    /** Logs how long the result took to reach a watcher on this replica (DEBUG). */
    synchronized void logDelivered(String scanId) {
      LOG.debug("scan {} delivered ms: deliver={}", scanId, laps.getOrDefault("deliver", 0L) / 1_000_000);
    }

    /** Logs the scan's line (DEBUG). */
    synchronized void log(String scanId) {
      if (LOG.isDebugEnabled()) {
        var line = new StringBuilder();
        laps.forEach((k, v) -> line.append(' ').append(k).append('=').append(v / 1_000_000));
        LOG.debug("scan {} phases ms:{}", scanId, line);
      }
    }
  }
}
