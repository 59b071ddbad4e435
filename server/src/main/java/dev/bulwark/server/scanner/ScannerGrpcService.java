package dev.bulwark.server.scanner;

import dev.bulwark.common.cas.BlobSource;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.server.scanner.results.ResultCache;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.v1.DescribeRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanEvent;
import dev.bulwark.v1.ScanSummary;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.ScannerStatus;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link ScannerEngine} on the wire as {@code bulwark.v1.Scanner}: validates the task,
 * opens the content store the task names, streams findings (with scanner name and fingerprint
 * filled in) and ends with a summary. An engine that throws yields a FAILED summary.
 */
public final class ScannerGrpcService extends ScannerGrpc.ScannerImplBase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScannerGrpcService.class);

  private final ScannerEngine engine;
  private final DiskBlobStore cache;
  private final String defaultContentStore;
  private final Optional<BlobSource> sharedStore;
  private final ClientSecurity security;
  private final ResultStore results;
  private final AnswerCache answers;
  private final AtomicInteger answersReused = new AtomicInteger();
  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore) {
    this(engine, cache, defaultContentStore, ClientSecurity.NONE);
  }

  /** @param security how this scanner reaches content stores (its client certificate, or a service key) */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security) {
    this(engine, cache, defaultContentStore, security, Optional.empty(), ResultStore.NONE);
  }

  /**
   * @param security    how this scanner reaches content stores (its client certificate, or a service key)
   * @param sharedStore the shared content store (an S3 bucket) to read blobs from directly; empty:
   *                    through the gateway address each task names (or the default)
   */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security, Optional<BlobSource> sharedStore) {
    this(engine, cache, defaultContentStore, security, sharedStore, ResultStore.NONE);
  }

  /** @param results where the engine's analysis results are kept between scans */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security, ResultStore results) {
    this(engine, cache, defaultContentStore, security, Optional.empty(), results);
  }

  /**
   * @param security    how this scanner reaches content stores (its client certificate, or a service key)
   * @param sharedStore the shared content store (an S3 bucket) to read blobs from directly; empty:
   *                    through the gateway address each task names (or the default)
   * @param results     where the engine's analysis results are kept between scans
   */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security, Optional<BlobSource> sharedStore, ResultStore results) {
    this(engine, cache, defaultContentStore, security, sharedStore, results, true);
  }

  /**
   * @param results      where the engine's analysis results are kept between scans
   * @param wholeAnswers whether whole answers are kept there too, so that a scan whose relevant
   *                     input is unchanged does not run the engine ({@link AnswerCache}); off: per-unit
   *                     results only (what tests of an engine's own cache want)
   */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security, Optional<BlobSource> sharedStore, ResultStore results, boolean wholeAnswers) {
    this.answers = new AnswerCache(wholeAnswers ? results : ResultStore.NONE);
    this.security = security;
    this.engine = engine;
    this.cache = cache;
    this.defaultContentStore = defaultContentStore == null ? "" : defaultContentStore;
    this.sharedStore = sharedStore;
    this.results = results;
  }

  /** Scans answered from the whole-answer cache without running the engine, since start. */
  public int answersReused() {
    return answersReused.get();
  }

  /** Scan calls running now (a gauge: what an autoscaler scales this scanner on). */
  public int inFlight() {
    return inFlight.get();
  }

  @Override
  public void describe(DescribeRequest request, StreamObserver<ScannerInfo> response) {
    response.onNext(engine.describe());
    response.onCompleted();
  }

  @Override
  public void scan(ScanTask task, StreamObserver<ScanEvent> response) {
    inFlight.incrementAndGet();
    try {
      run(task, (ServerCallStreamObserver<ScanEvent>) response);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void run(ScanTask task, ServerCallStreamObserver<ScanEvent> response) {
    long started = System.nanoTime();
    var calls = response;
    var workspace = new ScanWorkspace(task, cache, blobSource(task), resultCache());
    var count = new AtomicInteger();
    FindingSink sink = new FindingSink() {
      @Override
      public void accept(Finding finding) {
        Finding complete = complete(engine.name(), finding);
        if (send(ScanEvent.newBuilder().setFinding(complete).build())) {
          count.incrementAndGet();
        }
      }

      @Override
      public void inventory(dev.bulwark.v1.Package dependency) {
        send(ScanEvent.newBuilder().setPackage(dependency).build());
      }

      private boolean send(ScanEvent event) {
        synchronized (response) {
          if (calls.isCancelled()) {
            return false;
          }
          response.onNext(event);
          return true;
        }
      }
    };
    ScanSummary.Builder summary = ScanSummary.newBuilder();
    try {
      ScanOutcome outcome = answer(workspace, sink);
      summary.setStatus(outcome.status()).setMessage(outcome.message()).setFilesScanned(outcome.filesScanned());
      if (workspace.results().hits() + workspace.results().misses() > 0) {
        LOG.info("{} scan {}: {} results reused, {} units analysed again", engine.name(), task.getScanId(),
            workspace.results().hits(), workspace.results().misses());
      }
    } catch (StatusRuntimeException e) {
      if (workspace.cancelled()) {
        return;
      }
      summary.setStatus(ScannerStatus.FAILED).setMessage("content store: " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()));
    } catch (Exception e) {
      if (workspace.cancelled()) {
        return;
      }
      LOG.error("{} scan {} failed", engine.name(), task.getScanId(), e);
      summary.setStatus(ScannerStatus.FAILED).setMessage(engine.name() + " scanner error: " + e);
    }
    if (calls.isCancelled()) {
      return;
    }
    summary.setFindings(count.get()).setDurationMs((System.nanoTime() - started) / 1_000_000);
    synchronized (response) {
      response.onNext(ScanEvent.newBuilder().setSummary(summary).build());
      response.onCompleted();
    }
  }

  /**
   * The kept answer replayed when the engine's relevant input is unchanged; else the engine's scan,
   * whose answer is then kept when it is reproducible.
   */
  private ScanOutcome answer(ScanWorkspace workspace, FindingSink sink) throws Exception {
    var entry = answers.entry(engine, workspace);
    if (entry.isEmpty()) {
      return engine.scan(workspace, sink);
    }
    var kept = entry.get().lookup();
    if (kept.isPresent()) {
      kept.get().packages().forEach(sink::inventory);
      kept.get().findings().forEach(sink::accept);
      answersReused.incrementAndGet();
      LOG.info("{} scan {}: the whole answer reused (relevant input unchanged)", engine.name(),
          workspace.task().getScanId());
      return kept.get().outcome();
    }
    var findings = new java.util.ArrayList<Finding>();
    var packages = new java.util.ArrayList<dev.bulwark.v1.Package>();
    ScanOutcome outcome = engine.scan(workspace, new FindingSink() {
      @Override
      public void accept(Finding finding) {
        synchronized (findings) {
          findings.add(finding);
        }
        sink.accept(finding);
      }

      @Override
      public void inventory(dev.bulwark.v1.Package dependency) {
        synchronized (packages) {
          packages.add(dependency);
        }
        sink.inventory(dependency);
      }
    });
    if (!workspace.cancelled()) {
      List<Finding> found;
      List<dev.bulwark.v1.Package> inventory;
      synchronized (findings) {
        found = List.copyOf(findings);
      }
      synchronized (packages) {
        inventory = List.copyOf(packages);
      }
      entry.get().keep(new AnswerCache.Answer(found, inventory, outcome)).ifPresent(why ->
          LOG.info("{} scan {}: answer not kept: {}", engine.name(), workspace.task().getScanId(), why));
    }
    return outcome;
  }

  /** The shared store when there is one, else the content store (a gateway) the task names. */
  private BlobSource blobSource(ScanTask task) {
    if (sharedStore.isPresent()) {
      return sharedStore.get();
    }
    String target = task.getContentStore().isBlank() ? defaultContentStore : task.getContentStore();
    if (target.isBlank()) {
      throw Refusal.precondition("task names no content store and the scanner has none configured");
    }
    return new ContentStoreClient(channels.computeIfAbsent(target, t -> Channels.forTarget(t, security)));
  }

  /**
   * The engine's results cache for one scan; off when the engine does not say what its results
   * depend on. The engine key is asked on first use, so an empty tree costs nothing.
   */
  private ResultCache resultCache() {
    return results == ResultStore.NONE ? ResultCache.OFF
        : new ResultCache(results, () -> engine.resultKey().orElse(""));
  }

  /** A finding as it leaves a scanner: named after it, with a fingerprint. */
  public static Finding complete(String scanner, Finding finding) {
    return Fingerprints.ensure(finding.toBuilder().setScanner(scanner).build());
  }

  @Override
  public void close() {
    channels.values().forEach(Channels::close);
  }
}
