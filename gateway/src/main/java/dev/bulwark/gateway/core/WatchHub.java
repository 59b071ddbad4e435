package dev.bulwark.gateway.core;

import dev.bulwark.gateway.store.ScanNotifications;
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
 * Delivers scans' events to this replica's watchers, whichever replica coordinates the scan, on
 * one thread: events this replica appends are handed over as they are committed (no read back);
 * other replicas' events are read from the shared database when a notification says a scan moved
 * ({@link ScanNotifications}, PostgreSQL) and otherwise every poll interval, asking for the latest
 * sequence of every watched scan in one query and reading only the events a watcher has not seen.
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
  private final java.util.function.Consumer<String> onResult;
  private final ScanNotifications notifications;

  /** @param onResult told the scan id when a watcher here received a scan's result */
  WatchHub(ScanStore store, Duration poll, java.util.function.Consumer<String> onResult) {
    this.store = store;
    this.onResult = onResult;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "scan-watch");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::deliverQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    this.notifications = ScanNotifications.start(store, this::notified);
  }

  /** Another replica (or this one) committed events of a scan up to {@code seq}. */
  private void notified(String scanId, long seq) {
    try {
      thread.execute(() -> {
        for (Watch w : watches) {
          if (w.scanId.equals(scanId) && w.cursor < seq) {
            wake(); // not delivered in-process: read from the database (one read for a burst of notifications)
            return;
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // shutting down
    }
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

  /**
   * This replica appended {@code updates}, the last with sequence {@code lastSeq}: watchers here
   * that have seen everything before them get them at once, without reading them back from the
   * database; any watcher further behind catches up from the database.
   */
  void published(String scanId, long lastSeq, List<ScanUpdate> updates) {
    try {
      thread.execute(() -> deliverLocal(scanId, lastSeq, updates));
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // shutting down
    }
  }

  private void deliverLocal(String scanId, long lastSeq, List<ScanUpdate> updates) {
    long first = lastSeq - updates.size() + 1;
    var numbered = new java.util.ArrayList<ScanUpdate>(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      numbered.add(updates.get(i).toBuilder().setSequence(first + i).build());
    }
    boolean behind = false;
    for (Watch w : watches) {
      if (!w.scanId.equals(scanId) || w.cursor >= lastSeq) {
        continue;
      }
      if (w.cursor >= first - 1) {
        send(w, numbered);
      } else {
        behind = true;
      }
    }
    if (behind) {
      wake();
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
          onResult.accept(w.scanId);
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
    notifications.close();
    thread.shutdownNow();
  }

  /** For tests: how many watchers per scan. */
  java.util.Map<String, Integer> counts() {
    var out = new HashMap<String, Integer>();
    watches.forEach(w -> out.merge(w.scanId, 1, Integer::sum));
    return out;
  }
}
