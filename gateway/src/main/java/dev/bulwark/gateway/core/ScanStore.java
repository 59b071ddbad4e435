package dev.bulwark.gateway.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Scans kept in memory with bounded retention: at most {@code maxScans}, and finished scans
 * for at most {@code retention}. Running scans are never dropped.
 */
final class ScanStore {
  private final int maxScans;
  private final Duration retention;
  private final Clock clock;
  private final LinkedHashMap<String, ScanRecord> scans = new LinkedHashMap<>();

  ScanStore(int maxScans, Duration retention, Clock clock) {
    this.maxScans = maxScans;
    this.retention = retention;
    this.clock = clock;
  }

  synchronized void add(ScanRecord record) {
    scans.put(record.id, record);
    evict();
  }

  synchronized Optional<ScanRecord> get(String id) {
    evict();
    return Optional.ofNullable(scans.get(id));
  }

  synchronized List<ScanRecord> running() {
    return scans.values().stream().filter(r -> !r.done()).toList();
  }

  synchronized int size() {
    return scans.size();
  }

  private void evict() {
    var cutoff = clock.instant().minus(retention);
    int excess = scans.size() - maxScans;
    for (Iterator<ScanRecord> it = scans.values().iterator(); it.hasNext(); ) {
      ScanRecord r = it.next();
      if (!r.done()) {
        continue;
      }
      if (excess > 0 || r.finishedAt().isBefore(cutoff)) {
        it.remove();
        excess--;
      }
    }
  }
}
