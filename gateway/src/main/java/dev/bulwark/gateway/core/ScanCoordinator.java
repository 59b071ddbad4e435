package dev.bulwark.gateway.core;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.finding.FindingMerger;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.StartScanRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's domain: validates a scan request, fans the scan out to every scanner in
 * parallel, collects findings and reports (a failed scanner never hides the others' findings),
 * asks the gate for a decision, and keeps the scan in memory for watchers.
 */
public final class ScanCoordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanCoordinator.class);

  /**
   * @param defaultDeadline  a scan's deadline when the request gives none
   * @param advertiseAddress host:port scanners use to read this gateway's content store; empty
   *                         means "the address the StartScan call came in on"
   * @param maxRetainedScans scans kept in memory at most
   * @param retention        how long a finished scan stays available
   */
  public record Settings(Duration defaultDeadline, String advertiseAddress, int maxRetainedScans,
      Duration retention) {
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(10), "", 1000, Duration.ofHours(1));
    }
  }

  private final DiskBlobStore store;
  private final Map<String, ScannerCaller> scanners = new LinkedHashMap<>();
  private final GateCaller gate;
  private final Settings settings;
  private final ScanStore scans;
  private final Verdicts verdicts;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());

  public ScanCoordinator(DiskBlobStore store, List<ScannerEndpoint> scannerEndpoints, String gateTarget,
      Settings settings) {
    this(store, scannerEndpoints, gateTarget, settings, ClientSecurity.NONE);
  }

  /** @param security how the gateway calls scanners and the gate (its client certificate, or a service key) */
  public ScanCoordinator(DiskBlobStore store, List<ScannerEndpoint> scannerEndpoints, String gateTarget,
      Settings settings, ClientSecurity security) {
    this.store = store;
    scannerEndpoints.forEach(e -> scanners.put(e.name(), new ScannerCaller(e, security)));
    this.gate = new GateCaller(gateTarget, security);
    this.settings = settings;
    this.scans = new ScanStore(settings.maxRetainedScans(), settings.retention(), Clock.systemUTC());
    this.verdicts = new Verdicts(store);
  }

  /**
   * Validates the request and starts the scan in the background.
   *
   * @param callerAddress the local address the request arrived on, used as the content-store
   *                      address for scanners when no advertise address is configured
   * @return the scan id
   */
  public String start(StartScanRequest request, String callerAddress) {
    ManifestValidator.validate(request, store::contains);
    String contentStore = settings.advertiseAddress().isBlank() ? callerAddress : settings.advertiseAddress();
    if (contentStore == null || contentStore.isBlank()) {
      throw new IllegalStateException("no advertise address configured and the caller's address is unknown");
    }
    String id = UUID.randomUUID().toString();
    var record = new ScanRecord(id, request.getContext(), List.copyOf(scanners.keySet()));
    scans.add(record);
    var task = ScanTask.newBuilder().setScanId(id).setContext(request.getContext())
        .setManifest(request.getManifest()).setContentStore(contentStore)
        .setVerifySecrets(request.getVerifySecrets()).build();
    Duration total = request.getDeadlineSeconds() > 0
        ? Duration.ofSeconds(request.getDeadlineSeconds()) : settings.defaultDeadline();
    executor.execute(record.grpcContext.wrap(() -> run(record, request, task, total)));
    LOG.info("scan {} of {} started: {} files, {} images", id, request.getContext().getProject(),
        task.getManifest().getFilesCount(), task.getManifest().getImagesCount());
    return id;
  }

  public void watch(String scanId, ScanWatcher watcher) {
    find(scanId).watch(watcher);
  }

  public void unwatch(String scanId, ScanWatcher watcher) {
    scans.get(scanId).ifPresent(r -> r.unwatch(watcher));
  }

  public ScanResult get(String scanId) {
    return find(scanId).snapshot();
  }

  /** The circuit breaker state of one scanner type, for health and tests. */
  public Optional<CircuitBreaker.State> circuitState(String scanner) {
    return Optional.ofNullable(scanners.get(scanner)).map(ScannerCaller::circuitState);
  }

  private ScanRecord find(String scanId) {
    return scans.get(scanId).orElseThrow(() -> new UnknownScanException(scanId));
  }

  private void run(ScanRecord record, StartScanRequest request, ScanTask task, Duration total) {
    try {
      // The gate gets a fifth of the budget (at most 30 s) after the scanners' share.
      Duration gateReserve = total.dividedBy(5).compareTo(Duration.ofSeconds(30)) > 0
          ? Duration.ofSeconds(30) : total.dividedBy(5);
      Deadline scannerDeadline = Deadline.after(total.minus(gateReserve).toMillis(), TimeUnit.MILLISECONDS);
      var pending = new ArrayList<CompletableFuture<ScannerCaller.Outcome>>();
      for (ScannerCaller caller : scanners.values()) {
        pending.add(CompletableFuture.supplyAsync(
            inContext(record, () -> runScanner(record, caller, task, scannerDeadline)), executor));
      }
      var outcomes = pending.stream().map(CompletableFuture::join).toList();
      var findings = new ArrayList<Finding>();
      outcomes.forEach(o -> findings.addAll(o.findings()));
      var evaluate = EvaluateRequest.newBuilder().setScanId(record.id).setContext(record.context)
          .setBaselineBranch(request.getBaselineBranch())
          .addAllFindings(FindingMerger.merge(findings)) // one finding per place and weakness, naming every scanner
          .addAllScanners(outcomes.stream().map(ScannerCaller.Outcome::report).toList());
      Deadline gateDeadline = Deadline.after(Math.max(scannerDeadline.timeRemaining(TimeUnit.MILLISECONDS), 0)
          + gateReserve.toMillis(), TimeUnit.MILLISECONDS);
      var inventory = outcomes.stream().flatMap(o -> o.inventory().stream()).toList();
      record.finish(verdicts.decide(record, request, evaluate, gate, gateDeadline).toBuilder()
          .addAllInventory(inventory).build());
    } catch (RejectedExecutionException e) {
      record.finish(verdicts.gatewayError(record, "gateway shutting down before the scan could run"));
    } catch (RuntimeException e) {
      LOG.error("scan {} failed in the gateway", record.id, e);
      record.finish(verdicts.gatewayError(record, "gateway error: " + e));
    }
  }

  private ScannerCaller.Outcome runScanner(ScanRecord record, ScannerCaller caller, ScanTask task,
      Deadline deadline) {
    record.progress(caller.name(), "started", 0, "");
    var seen = new AtomicInteger();
    var outcome = caller.scan(task, deadline, f -> seen.incrementAndGet());
    var report = outcome.report();
    record.report(report);
    switch (report.getStatus()) {
      case FAILED -> record.progress(caller.name(), "failed", report.getFindings(), report.getMessage());
      default -> record.progress(caller.name(), "finished", report.getFindings(),
          report.getStatus() + (report.getMessage().isBlank() ? "" : ": " + report.getMessage()));
    }
    return outcome;
  }

  private static <T> Supplier<T> inContext(ScanRecord record, Supplier<T> body) {
    return () -> {
      var previous = record.grpcContext.attach();
      try {
        return body.get();
      } finally {
        record.grpcContext.detach(previous);
      }
    };
  }

  /** Cancels in-flight scanner and gate calls, then releases channels and threads. */
  @Override
  public void close() {
    for (ScanRecord r : scans.running()) {
      r.grpcContext.cancel(new IllegalStateException("gateway shutting down"));
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scanners.values().forEach(ScannerCaller::close);
    gate.close();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    var n = new AtomicInteger();
    return r -> {
      var t = new Thread(r, "scan-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** No scan with this id is known (never started, or no longer retained): NOT_FOUND on the wire. */
  public static final class UnknownScanException extends Refusal {
    private static final long serialVersionUID = 1L;

    public UnknownScanException(String scanId) {
      super(Reason.NOT_FOUND, "no scan with id '" + scanId + "' (unknown or expired)");
    }
  }
}
