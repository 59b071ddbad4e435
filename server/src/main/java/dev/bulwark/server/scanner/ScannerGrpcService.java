package dev.bulwark.server.scanner;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.Refusal;
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
  private final ClientSecurity security;
  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore) {
    this(engine, cache, defaultContentStore, ClientSecurity.NONE);
  }

  /** @param security how this scanner reaches content stores (its client certificate, or a service key) */
  public ScannerGrpcService(ScannerEngine engine, DiskBlobStore cache, String defaultContentStore,
      ClientSecurity security) {
    this.security = security;
    this.engine = engine;
    this.cache = cache;
    this.defaultContentStore = defaultContentStore == null ? "" : defaultContentStore;
  }

  @Override
  public void describe(DescribeRequest request, StreamObserver<ScannerInfo> response) {
    response.onNext(engine.describe());
    response.onCompleted();
  }

  @Override
  public void scan(ScanTask task, StreamObserver<ScanEvent> response) {
    long started = System.nanoTime();
    String target = task.getContentStore().isBlank() ? defaultContentStore : task.getContentStore();
    if (target.isBlank()) {
      throw Refusal.precondition("task names no content store and the scanner has none configured");
    }
    var calls = (ServerCallStreamObserver<ScanEvent>) response;
    var workspace = new ScanWorkspace(task, cache,
        new ContentStoreClient(channels.computeIfAbsent(target, t -> Channels.forTarget(t, security))));
    var count = new AtomicInteger();
    FindingSink sink = new FindingSink() {
      @Override
      public void accept(Finding finding) {
        Finding complete = Fingerprints.ensure(finding.toBuilder().setScanner(engine.name()).build());
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
      ScanOutcome outcome = engine.scan(workspace, sink);
      summary.setStatus(outcome.status()).setMessage(outcome.message()).setFilesScanned(outcome.filesScanned());
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

  @Override
  public void close() {
    channels.values().forEach(Channels::close);
  }
}
