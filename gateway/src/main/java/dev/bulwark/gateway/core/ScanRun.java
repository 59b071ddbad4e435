package dev.bulwark.gateway.core;

import dev.bulwark.common.finding.FindingMerger;
import dev.bulwark.gateway.store.LostLeaseException;
import dev.bulwark.gateway.store.ScannerResult;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerProgress;
import dev.bulwark.v1.StartScanRequest;
import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica coordinating one scan under one lease epoch: dispatches the scanners that have
 * not reported yet (all of them for a new scan; only the unfinished ones after a takeover), records
 * each scanner's result once, asks the gate, and ends the scan with its one result. Every write is
 * fenced by the epoch: once another replica holds the scan, this run stops and writes nothing.
 */
final class ScanRun implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);
  /** The gate's share of the deadline at the end, at most this much. */
  private static final Duration MAX_GATE_RESERVE = Duration.ofSeconds(30);

  final String scanId;
  final long epoch;
  final Context.CancellableContext grpc = Context.ROOT.withCancellation();
  private final ScanCoordinator c;
  private final StartScanRequest request;
  private final ScanTask task;
  private final Instant createdAt;
  private final Instant deadlineAt;
  /** Said in each scanner's "started" event after a takeover; empty for a new scan. */
  private final String note;
  private final ScanPhases.Watch watch;
  /** Done once the scanners' "started" events are in the log; their results are written after. */
  private final CompletableFuture<Void> startedWritten = new CompletableFuture<>();
  /** The scanner results this run recorded, by scanner. */
  private final Map<String, ScannerResult> recordedHere = new ConcurrentHashMap<>();
  /** The scanner calls under way, once {@link #dispatch}ed; and what was reported before them. */
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private List<ScannerCaller> dispatched;
  private Map<String, ScannerResult> reported;
  private volatile boolean stopped;

  ScanRun(ScanCoordinator c, String scanId, long epoch, StartScanRequest request, ScanTask task, Instant createdAt,
      Instant deadlineAt, String note, ScanPhases.Watch watch) {
    this.c = c;
    this.scanId = scanId;
    this.epoch = epoch;
    this.request = request;
    this.task = task;
    this.createdAt = createdAt;
    this.deadlineAt = deadlineAt;
    this.note = note;
    this.watch = watch;
  }

  /** This replica no longer coordinates the scan (lease lost, or released at shutdown): stop quietly. */
  void stop(String why) {
    if (!stopped) {
      stopped = true;
      LOG.info("scan {}: stopping here ({})", scanId, why);
      grpc.cancel(null);
    }
  }

  boolean stopped() {
    return stopped;
  }

  /**
   * Starts the scanner calls (once): for a new scan, before its row is written, so that they
   * already work during that commit; {@link #abandon} stops them when the scan is not recorded.
   */
  synchronized void dispatch() {
    if (dispatched != null) {
      return;
    }
    Duration total = Duration.between(createdAt, deadlineAt);
    Duration gateReserve = total.dividedBy(5).compareTo(MAX_GATE_RESERVE) > 0 ? MAX_GATE_RESERVE : total.dividedBy(5);
    Deadline scannerDeadline = Deadline.after(Math.max(0, millisUntil(deadlineAt.minus(gateReserve))),
        TimeUnit.MILLISECONDS);
    // A new scan (epoch 1) has no results yet; after a takeover, only the scanners that did not report run.
    reported = epoch == 1 ? Map.of() : c.scans().scannerResults(scanId);
    dispatched = c.callers().stream().filter(s -> !reported.containsKey(s.name())).toList();
    for (ScannerCaller caller : dispatched) {
      pending.add(CompletableFuture.runAsync(grpc.wrap(() -> runScanner(caller, scannerDeadline)), c.executor()));
    }
  }

  /** The scan was not recorded (a retried request, or no database): its scanner calls stop, nothing is written. */
  void abandon() {
    stopped = true;
    startedWritten.completeExceptionally(new LostLeaseException(scanId, epoch));
    grpc.cancel(null);
  }

  @Override
  public void run() {
    var ref = new Verdicts.ScanRef(scanId, request.getContext());
    watch.lap("queue");
    try {
      dispatch();
      // The scanners' "started" events in one transaction, written while the scanners already work.
      try {
        append(dispatched.stream().map(s -> progress(s.name(), "started", 0, note)).toList());
        startedWritten.complete(null);
      } catch (RuntimeException e) {
        startedWritten.completeExceptionally(e);
        throw e; // lease lost, or no database: the finally block cancels the scanner calls
      }
      watch.lap("dispatch");
      join(pending);
      watch.lap("scanners");
      if (stopped) {
        return;
      }
      // What this run recorded is at hand; the database is read again only when another replica
      // recorded a scanner of this scan (before a takeover, or racing one).
      Map<String, ScannerResult> results = recordedHere.size() == dispatched.size() && reported.isEmpty()
          ? recordedHere : c.scans().scannerResults(scanId);
      var outcomes = c.callers().stream().map(s -> results.get(s.name())).filter(Objects::nonNull).toList();
      var findings = new ArrayList<Finding>();
      outcomes.forEach(o -> findings.addAll(o.findings()));
      var evaluate = EvaluateRequest.newBuilder().setScanId(scanId).setContext(request.getContext())
          .setBaselineBranch(request.getBaselineBranch())
          .addAllFindings(FindingMerger.merge(findings)) // one finding per place and weakness, naming every scanner
          .addAllScanners(outcomes.stream().map(ScannerResult::report).toList());
      Deadline gateDeadline = Deadline.after(Math.max(millisUntil(deadlineAt), 1000), TimeUnit.MILLISECONDS);
      // Still ours? A replica that stalled past its lease must not ask the gate beside the one
      // that took the scan over (the gate answers a scan once either way). A read suffices while
      // the lease has more than half its length to run; else it is renewed (a write) first.
      var until = c.scans().leaseUntil(scanId, c.replica(), epoch).orElseThrow(() -> new LostLeaseException(scanId, epoch));
      if (until.isBefore(c.now().plus(c.settings().lease().dividedBy(2)))
          && !c.scans().renew(scanId, c.replica(), epoch, c.now().plus(c.settings().lease()))) {
        throw new LostLeaseException(scanId, epoch);
      }
      var inventory = outcomes.stream().flatMap(o -> o.inventory().stream()).toList();
      watch.lap("collect");
      finish(grpc.call(() -> c.verdicts().decide(ref, request, evaluate, c.gate(), gateDeadline, watch)).toBuilder()
          .addAllInventory(inventory).build());
    } catch (LostLeaseException e) {
      stop("another replica coordinates it now");
    } catch (Exception e) {
      if (stopped) {
        return;
      }
      LOG.error("scan {} failed in the gateway", scanId, e);
      finish(c.verdicts().gatewayError(ref, EvaluateRequest.newBuilder(), "gateway error: " + e));
    } finally {
      c.forget(this);
      grpc.cancel(null);
    }
  }

  private void runScanner(ScannerCaller caller, Deadline deadline) {
    var outcome = caller.scan(task, deadline, f -> { });
    if (stopped) {
      return; // cancelled because this replica let go of the scan: not the scanner's failure
    }
    long t0 = System.nanoTime();
    startedWritten.join(); // its "started" event comes first in the log
    var report = outcome.report();
    var result = new ScannerResult(report, outcome.findings(), outcome.inventory());
    var update = switch (report.getStatus()) {
      case FAILED -> progress(caller.name(), "failed", report.getFindings(), report.getMessage());
      default -> progress(caller.name(), "finished", report.getFindings(),
          report.getStatus() + (report.getMessage().isBlank() ? "" : ": " + report.getMessage()));
    };
    if (stopped) {
      throw new LostLeaseException(scanId, epoch);
    }
    long seq = c.scans().recordScannerAndAppend(scanId, epoch, result, update, c.now());
    if (seq > 0) {
      recordedHere.put(caller.name(), result);
      c.hub().published(scanId, seq, List.of(update));
    } else {
      c.hub().wake();
    }
    // Summed over the scanners (they run side by side): the database work after each call.
    watch.add("scanner-writes", System.nanoTime() - t0);
  }

  private static ScanUpdate progress(String scanner, String phase, int findings, String message) {
    return ScanUpdate.newBuilder().setProgress(ScannerProgress.newBuilder().setScanner(scanner).setPhase(phase)
        .setFindings(findings).setMessage(message == null ? "" : message)).build();
  }

  private void append(List<ScanUpdate> updates) {
    if (stopped) {
      throw new LostLeaseException(scanId, epoch);
    }
    if (!updates.isEmpty()) {
      c.hub().published(scanId, c.scans().appendAll(scanId, epoch, updates), updates);
    }
  }

  private void finish(ScanResult result) {
    if (stopped) {
      return;
    }
    watch.reset();
    long seq = c.scans().finishAt(scanId, epoch, result, c.now());
    if (seq > 0) {
      watch.lap("finish");
      c.finished(scanId, watch);
      c.hub().published(scanId, seq, List.of(ScanUpdate.newBuilder().setResult(result).build()));
      LOG.info("scan {} of {}: {}", scanId, request.getContext().getProject(), result.getDecision().getVerdict());
    } else {
      LOG.info("scan {}: result dropped, another replica holds or ended the scan", scanId);
      c.hub().wake();
    }
  }

  private long millisUntil(Instant t) {
    return Duration.between(c.now(), t).toMillis();
  }

  private static void join(List<CompletableFuture<Void>> pending) {
    for (var f : pending) {
      try {
        f.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
    }
  }

  /** Ends a scan whose deadline passed while no replica coordinated it. */
  static ScanResult expired(Verdicts verdicts, Verdicts.ScanRef ref, List<ScannerResult> reported, String reason) {
    var findings = new ArrayList<Finding>();
    reported.forEach(r -> findings.addAll(r.findings()));
    var evaluate = EvaluateRequest.newBuilder().setScanId(ref.id()).setContext(ref.context()).addAllFindings(findings)
        .addAllScanners(reported.stream().map(ScannerResult::report).toList());
    return verdicts.gatewayError(ref, evaluate, reason);
  }
}
