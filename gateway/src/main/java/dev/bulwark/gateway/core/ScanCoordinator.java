package dev.bulwark.gateway.core;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gateway.store.ExpiredLease;
import dev.bulwark.gateway.store.NewScan;
import dev.bulwark.gateway.store.ScanRow;
import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.StartScanResponse;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's domain: validates a scan request, records the scan in the shared database, fans
 * it out to every scanner in parallel, collects findings and reports (a failed scanner never hides
 * the others' findings), asks the gate for a decision and ends the scan with exactly one result.
 * Any replica answers for any scan; the replica holding a scan's lease coordinates it, and when a
 * replica dies its scans are taken over by the others once their leases expire ({@link LeaseKeeper}).
 */
public final class ScanCoordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanCoordinator.class);
  private static final int MAX_REQUEST_ID = 200;

  /**
   * @param defaultDeadline  a scan's deadline when the request gives none
   * @param advertiseAddress host:port scanners use to read the content store when they do not
   *                         read the shared store themselves (any gateway replica, e.g. the
   *                         Service's name); empty means "the address the StartScan call came in on"
   * @param retention        how long a finished scan stays in the database
   * @param lease            how long a replica's claim on a scan lasts without renewal; a dead
   *                         replica's scans are taken over after at most this long
   * @param watchPoll        how often watchers on this replica look for other replicas' events
   */
  public record Settings(Duration defaultDeadline, String advertiseAddress, Duration retention, Duration lease,
      Duration watchPoll) {
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(10), "", Duration.ofHours(24), Duration.ofSeconds(20),
          Duration.ofMillis(250));
    }

    public Settings withLease(Duration lease) {
      return new Settings(defaultDeadline, advertiseAddress, retention, lease, watchPoll);
    }
  }

  private final BlobStore blobs;
  private final ScanStore scans;
  private final Map<String, ScannerCaller> callers = new LinkedHashMap<>();
  private final GateCaller gate;
  private final Settings settings;
  private final String replica;
  private final Clock clock;
  private final Verdicts verdicts;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
  private final Map<String, ScanRun> runs = new ConcurrentHashMap<>();
  private final WatchHub hub;
  private final ScanPhases phases = new ScanPhases();
  /** Scans this replica finished, until a watcher here has their result (the "deliver" phase). */
  private final Map<String, ScanPhases.Watch> undelivered = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScanPhases.Watch> eldest) {
          return size() > 1000; // finished scans nobody watches here
        }
      });
  private final LeaseKeeper leases;
  private final Takeovers takeovers;
  private volatile String lastLocalAddress = "";

  public ScanCoordinator(BlobStore blobs, ScanStore scans, List<ScannerEndpoint> scannerEndpoints, String gateTarget,
      Settings settings, String replica, Clock clock) {
    this(blobs, scans, scannerEndpoints, gateTarget, settings, replica, clock, ClientSecurity.NONE);
  }

  /** @param security how the gateway calls scanners and the gate (its client certificate, or a service key) */
  public ScanCoordinator(BlobStore blobs, ScanStore scans, List<ScannerEndpoint> scannerEndpoints, String gateTarget,
      Settings settings, String replica, Clock clock, ClientSecurity security) {
    this.blobs = blobs;
    this.scans = scans;
    scannerEndpoints.forEach(e -> callers.put(e.name(), new ScannerCaller(e, security)));
    this.gate = new GateCaller(gateTarget, security);
    this.settings = settings;
    this.replica = replica;
    this.clock = clock;
    this.verdicts = new Verdicts(blobs);
    this.hub = new WatchHub(scans, settings.watchPoll(), this::delivered);
    this.takeovers = new Takeovers(this, blobs);
    this.leases = new LeaseKeeper(this, settings.lease());
  }

  /** A replica id: this host and a random suffix, unique across restarts. */
  public static String newReplicaId(String name) {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("local");
    return name + "@" + host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String replica() {
    return replica;
  }

  /**
   * Validates the request and starts the scan in the background; with a request id, a retry
   * answers the scan the first call started (whichever replica it reached).
   *
   * @param callerAddress the local address the request arrived on, used as the content-store
   *                      address for scanners when no advertise address is configured
   */
  public StartScanResponse start(StartScanRequest request, String callerAddress) {
    return start(request, callerAddress, System.nanoTime());
  }

  /**
   * @param arrivedNanos when the call arrived ({@link System#nanoTime()}): the time until now is
   *                     the {@code admit} phase (caps, blob proofs, a slot)
   */
  public StartScanResponse start(StartScanRequest request, String callerAddress, long arrivedNanos) {
    remember(callerAddress);
    var watch = phases.startedAt(arrivedNanos);
    watch.lap("admit");
    String requestId = request.getRequestId().strip();
    if (requestId.length() > MAX_REQUEST_ID) {
      throw new IllegalArgumentException("request_id is longer than " + MAX_REQUEST_ID + " characters");
    }
    ManifestValidator.validate(request, digests -> {
      try {
        return blobs.missing(digests);
      } catch (IOException e) {
        throw new UncheckedIOException("content store (" + blobs.describe() + ") cannot answer", e);
      }
    });
    watch.lap("validate");
    String contentStore = settings.advertiseAddress().isBlank() ? callerAddress : settings.advertiseAddress();
    if (contentStore == null || contentStore.isBlank()) {
      throw new IllegalStateException("no advertise address configured and the caller's address is unknown");
    }
    var manifest = storeManifest(request.getManifest());
    watch.lap("manifest");
    // A retry with the same request id answers the scan the first call started.
    Instant now = now();
    Duration total = request.getDeadlineSeconds() > 0
        ? Duration.ofSeconds(request.getDeadlineSeconds()) : settings.defaultDeadline();
    if (!requestId.isEmpty()) {
      var earlier = scans.findByRequestId(requestId);
      if (earlier.isPresent()) {
        return existing(earlier.get(), manifest);
      }
    }
    var scan = new NewScan(UUID.randomUUID().toString(), requestId, request.toBuilder().clearManifest().build(),
        manifest, contentStore, replica, now.plus(settings.lease()), now.plus(total), now);
    // The scanners start while the scan's row is written (their results are written after it);
    // when it is not written, or another replica took the same retried request meanwhile, they are called off.
    var run = new ScanRun(this, scan.scanId(), 1, request, task(scan.scanId(), scan.request(), request.getManifest(),
        contentStore), now, now.plus(total), "", watch);
    run.dispatch();
    ScanStore.Created created;
    try {
      created = scans.insert(scan);
    } catch (RuntimeException e) {
      run.abandon();
      throw e;
    }
    if (created.existing()) {
      run.abandon();
      return existing(created.scan(), manifest);
    }
    var row = created.scan();
    watch.lap("record");
    launch(run);
    LOG.info("scan {} of {} started: {} files, {} images", row.scanId(), request.getContext().getProject(),
        request.getManifest().getFilesCount(), request.getManifest().getImagesCount());
    return StartScanResponse.newBuilder().setScanId(row.scanId()).build();
  }

  private StartScanResponse existing(ScanRow row, dev.bulwark.v1.Digest manifest) {
    if (!row.manifest().getHash().equals(manifest.getHash())) {
      throw new RequestIdReusedException(row.requestId(), row.scanId());
    }
    return StartScanResponse.newBuilder().setScanId(row.scanId()).setExisting(true).build();
  }

  /** Sends the scan's updates after {@code afterSequence} to the watcher, then every new one until the result. */
  public void watch(String scanId, long afterSequence, ScanWatcher watcher) {
    find(scanId);
    hub.add(scanId, Math.max(0, afterSequence), watcher);
  }

  public void unwatch(String scanId, ScanWatcher watcher) {
    hub.remove(scanId, watcher);
  }

  /** The final result when done, else the state so far (reports of the scanners that finished). */
  public ScanResult get(String scanId) {
    var row = find(scanId);
    if (row.result().isPresent()) {
      return row.result().get();
    }
    var b = ScanResult.newBuilder().setScanId(scanId).setState(ScanState.RUNNING).setContext(row.request().getContext());
    var reported = scans.scannerResults(scanId);
    callers.keySet().stream().filter(reported::containsKey).forEach(s -> b.addScanners(reported.get(s).report()));
    return b.build();
  }

  /** The circuit breaker state of one scanner type, for health and tests. */
  public Optional<CircuitBreaker.State> circuitState(String scanner) {
    return Optional.ofNullable(callers.get(scanner)).map(ScannerCaller::circuitState);
  }

  /** Where scans' time goes, phase by phase. */
  public ScanPhases phases() {
    return phases;
  }

  /** Scans this replica coordinates now. */
  public int localScans() {
    return runs.size();
  }

  /** Scanner calls this replica has in flight and waiting for a bulkhead slot, by scanner. */
  public Map<String, ScannerCaller.Load> scannerLoad() {
    var out = new LinkedHashMap<String, ScannerCaller.Load>();
    callers.forEach((name, c) -> out.put(name, c.load()));
    return out;
  }

  /** Scanner work the whole cluster still has to do: running scans per scanner that has not reported. */
  public Map<String, Integer> clusterPending() {
    return scans.pendingByScanner(List.copyOf(callers.keySet()));
  }

  /**
   * Ends every running scan not owned by one of {@code live} as ERROR with {@code reason}: for a
   * single-process installation, whose database no other process can use, such scans are orphans
   * of an earlier run of this process.
   */
  public int abandonOrphans(java.util.Set<String> live, String reason) {
    return takeovers.abandonOrphans(live, reason);
  }

  /** Called by the {@link LeaseKeeper} once this replica claimed a scan whose coordinator died. */
  void takeOver(ExpiredLease lease, long epoch) {
    takeovers.takeOver(lease, epoch);
  }

  void launch(ScanRun run) {
    runs.put(run.scanId, run);
    try {
      executor.execute(run);
    } catch (RejectedExecutionException e) {
      runs.remove(run.scanId);
      run.abandon(); // its scanner calls, if already started, stop here
      // Shutting down: the lease lapses (or is released) and another replica takes the scan over.
    }
  }

  /** Remembers this replica's own address as clients reach it (a fallback content-store address). */
  public void remember(String localAddress) {
    if (localAddress != null && !localAddress.isBlank()) {
      lastLocalAddress = localAddress;
    }
  }

  static ScanTask task(ScanRow row, Manifest manifest, String contentStore) {
    return task(row.scanId(), row.request(), manifest, contentStore);
  }

  private static ScanTask task(String scanId, StartScanRequest request, Manifest manifest, String contentStore) {
    return ScanTask.newBuilder().setScanId(scanId).setContext(request.getContext())
        .setManifest(manifest).setContentStore(contentStore).setVerifySecrets(request.getVerifySecrets())
        .build();
  }

  private dev.bulwark.v1.Digest storeManifest(Manifest manifest) {
    byte[] bytes = manifest.toByteArray();
    try {
      var digest = Digests.of(bytes);
      return blobs.contains(digest) ? digest : blobs.put(bytes); // the same tree scanned again
    } catch (IOException e) {
      throw new UncheckedIOException("content store (" + blobs.describe() + ") cannot store the manifest", e);
    }
  }

  private ScanRow find(String scanId) {
    return scans.find(scanId).orElseThrow(() -> new UnknownScanException(scanId));
  }

  // What the runs, the lease keeper and the takeovers share.
  Settings settings() {
    return settings;
  }

  String lastLocalAddress() {
    return lastLocalAddress;
  }

  ScanStore scans() {
    return scans;
  }

  List<ScannerCaller> callers() {
    return List.copyOf(callers.values());
  }

  GateCaller gate() {
    return gate;
  }

  Verdicts verdicts() {
    return verdicts;
  }

  ExecutorService executor() {
    return executor;
  }

  WatchHub hub() {
    return hub;
  }

  Map<String, ScanRun> runs() {
    return runs;
  }

  Instant now() {
    return clock.instant();
  }

  /** A run finished its scan: the watch is lapped once a watcher here receives the result. */
  void finished(String scanId, ScanPhases.Watch watch) {
    watch.log(scanId);
    undelivered.put(scanId, watch);
  }

  private void delivered(String scanId) {
    var watch = undelivered.remove(scanId);
    if (watch != null) {
      watch.lap("deliver");
      watch.logDelivered(scanId);
    }
  }

  void forget(ScanRun run) {
    runs.remove(run.scanId, run);
  }

  /**
   * A clean stop (rolling update, scale-down): this replica lets go of its scans at once, so the
   * others take them over at their next look instead of after the lease, then releases channels.
   */
  @Override
  public void close() {
    leases.close();
    runs.values().forEach(r -> r.stop("this replica is shutting down"));
    try {
      int released = scans.release(replica);
      if (released > 0) {
        LOG.info("released {} running scan(s) for the other replicas to take over", released);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not release this replica's scans (they are taken over when their leases expire)", e);
    }
    shutdown();
  }

  /** Stops at once without releasing anything: what a crash looks like to the other replicas. */
  public void halt() {
    leases.close();
    runs.values().forEach(r -> r.stop("halted"));
    shutdown();
  }

  private void shutdown() {
    hub.close();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    callers.values().forEach(ScannerCaller::close);
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

  /**
   * A request id came again with another manifest: a client bug that must not be papered over
   * (FAILED_PRECONDITION on the wire).
   */
  public static final class RequestIdReusedException extends Refusal {
    private static final long serialVersionUID = 1L;

    public RequestIdReusedException(String requestId, String scanId) {
      super(Reason.PRECONDITION, "request_id '" + requestId + "' already started scan " + scanId
          + " of another manifest");
    }
  }
}
