package dev.bulwark.gateway.core;

import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerProgress;
import dev.bulwark.v1.ScannerReport;
import io.grpc.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan in memory: its event log (replayed to late watchers), the scanner reports so far,
 * and the final result once there is one. All methods are thread-safe; watchers are told of
 * each event under the record's lock, so none is lost or seen twice.
 */
final class ScanRecord {
  private static final Logger LOG = LoggerFactory.getLogger(ScanRecord.class);

  final String id;
  final ScanContext context;
  final Context.CancellableContext grpcContext;
  private final List<ScanUpdate> log = new ArrayList<>();
  private final List<ScanWatcher> watchers = new ArrayList<>();
  private final Map<String, ScannerReport> reports = new LinkedHashMap<>();
  private ScanResult result;
  private Instant finishedAt;

  ScanRecord(String id, ScanContext context, List<String> scanners) {
    this.id = id;
    this.context = context;
    // Forked from ROOT: the scan outlives the StartScan call that began it.
    this.grpcContext = Context.ROOT.withCancellation();
    scanners.forEach(s -> reports.put(s, null));
  }

  synchronized void progress(String scanner, String phase, int findings, String message) {
    publish(ScanUpdate.newBuilder().setProgress(ScannerProgress.newBuilder().setScanner(scanner)
        .setPhase(phase).setFindings(findings).setMessage(message == null ? "" : message)).build());
  }

  synchronized void report(ScannerReport report) {
    reports.put(report.getScanner(), report);
  }

  synchronized void finish(ScanResult finalResult) {
    if (result != null) {
      return;
    }
    result = finalResult;
    finishedAt = Instant.now();
    publish(ScanUpdate.newBuilder().setResult(finalResult).build());
    for (ScanWatcher w : List.copyOf(watchers)) {
      try {
        w.onDone();
      } catch (RuntimeException e) {
        LOG.debug("watcher of {} went away", id, e);
      }
    }
    watchers.clear();
    grpcContext.cancel(null);
  }

  /** Replays the events so far, then keeps the watcher informed until the scan is done. */
  synchronized void watch(ScanWatcher watcher) {
    for (ScanUpdate u : log) {
      watcher.onUpdate(u);
    }
    if (result != null) {
      watcher.onDone();
    } else {
      watchers.add(watcher);
    }
  }

  synchronized void unwatch(ScanWatcher watcher) {
    watchers.remove(watcher);
  }

  synchronized boolean done() {
    return result != null;
  }

  synchronized Instant finishedAt() {
    return finishedAt;
  }

  /** The final result when done, else the state so far (reports of the scanners that finished). */
  synchronized ScanResult snapshot() {
    if (result != null) {
      return result;
    }
    var b = ScanResult.newBuilder().setScanId(id).setState(ScanState.RUNNING).setContext(context);
    reports.values().stream().filter(r -> r != null).forEach(b::addScanners);
    return b.build();
  }

  private void publish(ScanUpdate update) {
    log.add(update);
    for (ScanWatcher w : List.copyOf(watchers)) {
      try {
        w.onUpdate(update);
      } catch (RuntimeException e) {
        LOG.debug("watcher of {} went away", id, e);
        watchers.remove(w);
      }
    }
  }
}
