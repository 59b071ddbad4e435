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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
  private volatile boolean stopped;

  ScanRun(ScanCoordinator c, String scanId, long epoch, StartScanRequest request, ScanTask task, Instant createdAt,
      Instant deadlineAt, String note) {
    this.c = c;
    this.scanId = scanId;
    this.epoch = epoch;
    this.request = request;
    this.task = task;
    this.createdAt = createdAt;
    this.deadlineAt = deadlineAt;
    this.note = note;
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

  @Override
  public void run() {
    var ref = new Verdicts.ScanRef(scanId, request.getContext());
    try {
      Duration total = Duration.between(createdAt, deadlineAt);
      Duration gateReserve = total.dividedBy(5).compareTo(MAX_GATE_RESERVE) > 0 ? MAX_GATE_RESERVE : total.dividedBy(5);
      Deadline scannerDeadline = Deadline.after(Math.max(0, millisUntil(deadlineAt.minus(gateReserve))),
          TimeUnit.MILLISECONDS);
      var reported = c.scans().scannerResults(scanId);
      var pending = new ArrayList<CompletableFuture<Void>>();
      for (ScannerCaller caller : c.callers()) {
        if (!reported.containsKey(caller.name())) {
          pending.add(CompletableFuture.runAsync(grpc.wrap(() -> runScanner(caller, scannerDeadline)), c.executor()));
        }
      }
      join(pending);
      if (stopped) {
        return;
      }
      var results = c.scans().scannerResults(scanId);
      var outcomes = c.callers().stream().map(s -> results.get(s.name())).filter(Objects::nonNull).toList();
      var findings = new ArrayList<Finding>();
      outcomes.forEach(o -> findings.addAll(o.findings()));
      var evaluate = EvaluateRequest.newBuilder().setScanId(scanId).setContext(request.getContext())
          .setBaselineBranch(request.getBaselineBranch())
          .addAllFindings(FindingMerger.merge(findings)) // one finding per place and weakness, naming every scanner
          .addAllScanners(outcomes.stream().map(ScannerResult::report).toList());
      Deadline gateDeadline = Deadline.after(Math.max(millisUntil(deadlineAt), 1000), TimeUnit.MILLISECONDS);
      // Still ours? A replica that stalled past its lease must not ask the gate beside the one
      // that took the scan over (the gate answers a scan once either way).
      if (!c.scans().renew(scanId, c.replica(), epoch, c.now().plus(c.settings().lease()))) {
        throw new LostLeaseException(scanId, epoch);
      }
      var inventory = outcomes.stream().flatMap(o -> o.inventory().stream()).toList();
      finish(grpc.call(() -> c.verdicts().decide(ref, request, evaluate, c.gate(), gateDeadline)).toBuilder()
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
    progress(caller.name(), "started", 0, note);
    var outcome = caller.scan(task, deadline, f -> { });
    if (stopped) {
      return; // cancelled because this replica let go of the scan: not the scanner's failure
    }
    var report = outcome.report();
    c.scans().recordScanner(scanId, new ScannerResult(report, outcome.findings(), outcome.inventory()), c.now());
    switch (report.getStatus()) {
      case FAILED -> progress(caller.name(), "failed", report.getFindings(), report.getMessage());
      default -> progress(caller.name(), "finished", report.getFindings(),
          report.getStatus() + (report.getMessage().isBlank() ? "" : ": " + report.getMessage()));
    }
  }

  private void progress(String scanner, String phase, int findings, String message) {
    append(ScanUpdate.newBuilder().setProgress(ScannerProgress.newBuilder().setScanner(scanner).setPhase(phase)
        .setFindings(findings).setMessage(message == null ? "" : message)).build());
  }

  private void append(ScanUpdate update) {
    if (stopped) {
      throw new LostLeaseException(scanId, epoch);
    }
    c.scans().append(scanId, epoch, update);
    c.hub().wake();
  }

  private void finish(ScanResult result) {
    if (stopped) {
      return;
    }
    if (c.scans().finish(scanId, epoch, result, c.now())) {
      LOG.info("scan {} of {}: {}", scanId, request.getContext().getProject(), result.getDecision().getVerdict());
    } else {
      LOG.info("scan {}: result dropped, another replica holds or ended the scan", scanId);
    }
    c.hub().wake();
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
