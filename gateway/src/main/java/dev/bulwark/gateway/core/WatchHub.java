package dev.bulwark.gateway.core;

import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.v1.ScanUpdate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers scans' events from the shared database to this replica's watchers, whichever replica
 * coordinates the scan: one thread, woken at once by events this replica appends and otherwise
 * every poll interval, asks for the latest sequence of every watched scan in one query and reads
 * only the events a watcher has not seen.
 */
final class WatchHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

  private static final class Watch {
    final String scanId;
    final ScanWatcher watcher;
    long cursor;

    Watch(String scanId, ScanWatcher watcher, long cursor) {
      this.scanId = scanId;
      this.watcher = watcher;
      this.cursor = cursor;
    }
  }

  private final ScanStore store;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService thread;
  private final AtomicBoolean woken = new AtomicBoolean();

  WatchHub(ScanStore store, Duration poll) {
    this.store = store;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "scan-watch");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::deliverQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  void add(String scanId, long afterSequence, ScanWatcher watcher) {
    watches.add(new Watch(scanId, watcher, afterSequence));
    wake();
  }

  void remove(String scanId, ScanWatcher watcher) {
    watches.removeIf(w -> w.scanId.equals(scanId) && w.watcher == watcher);
  }

  /** Something was appended: deliver now rather than at the next poll. */
  void wake() {
    if (woken.compareAndSet(false, true)) {
      try {
        thread.execute(this::deliverQuietly);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        woken.set(false);
      }
    }
  }

  int size() {
    return watches.size();
  }

  private void deliverQuietly() {
    woken.set(false);
    try {
      deliver();
    } catch (RuntimeException e) {
      LOG.warn("delivering scan events failed (retrying at the next poll): {}", e.toString());
    }
  }

  private void deliver() {
    if (watches.isEmpty()) {
      return;
    }
    var byScan = watches.stream().collect(Collectors.groupingBy(w -> w.scanId));
    var latest = store.lastSequences(byScan.keySet());
    for (var entry : byScan.entrySet()) {
      long last = latest.getOrDefault(entry.getKey(), 0L);
      long from = entry.getValue().stream().mapToLong(w -> w.cursor).min().orElse(last);
      if (from >= last) {
        continue;
      }
      List<ScanUpdate> events = store.events(entry.getKey(), from);
      for (Watch w : entry.getValue()) {
        send(w, events);
      }
    }
  }

  private void send(Watch w, List<ScanUpdate> events) {
    try {
      for (ScanUpdate u : events) {
        if (u.getSequence() <= w.cursor) {
          continue;
        }
        w.watcher.onUpdate(u);
        w.cursor = u.getSequence();
        if (u.hasResult()) {
          watches.remove(w);
          w.watcher.onDone();
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("watcher of {} went away", w.scanId, e);
      watches.remove(w);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  /** For tests: how many watchers per scan. */
  java.util.Map<String, Integer> counts() {
    var out = new HashMap<String, Integer>();
    watches.forEach(w -> out.merge(w.scanId, 1, Integer::sum));
    return out;
  }
}
