package dev.bulwark.gateway.api;

import dev.bulwark.gateway.auth.ScanAdmission;
import dev.bulwark.gateway.core.ScanWatcher;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.StartScanResponse;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * {@code bulwark.v1.Gateway} on the wire: maps requests to the {@link ScanCoordinator}. Its
 * refusals (a malformed manifest, missing blobs, an unknown scan, a reused request id) become
 * statuses in {@link dev.bulwark.server.grpc.ExceptionMappingInterceptor}, like every service's;
 * a scan database or content store that cannot answer is UNAVAILABLE here, which clients retry.
 */
public final class GatewayGrpcService implements GatewayGrpc.AsyncService, BindableService {
  private final ScanCoordinator coordinator;
  private final ScanAdmission admission;

  /** Without per-caller admission (caps, blob proofs, concurrent scans): tests of the coordinator. */
  public GatewayGrpcService(ScanCoordinator coordinator) {
    this(coordinator, null);
  }

  public GatewayGrpcService(ScanCoordinator coordinator, ScanAdmission admission) {
    this.coordinator = coordinator;
    this.admission = admission;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerInterceptors.intercept(GatewayGrpc.bindService(this), new CallerAddressInterceptor());
  }

  @Override
  public void startScan(StartScanRequest request, StreamObserver<StartScanResponse> response) {
    long arrived = System.nanoTime();
    ScanAdmission.Ticket ticket = admission == null ? null : admission.admit(request);
    StartScanResponse started;
    try {
      started = answer(() -> coordinator.start(request, CallerAddressInterceptor.LOCAL_ADDRESS.get(), arrived));
    } catch (RuntimeException e) {
      release(ticket);
      throw e;
    }
    String id = started.getScanId();
    if (started.getExisting()) {
      release(ticket); // a retry: the scan (its starter, its slot) is the first call's
    } else if (ticket != null) {
      admission.started(id, request, ticket);
      // The slot is this replica's: freed when the scan ends, whichever replica finishes it.
      coordinator.watch(id, 0, new ScanWatcher() {
        @Override
        public void onUpdate(ScanUpdate update) {}

        @Override
        public void onDone() {
          ticket.release();
        }
      });
    }
    response.onNext(started);
    response.onCompleted();
  }

  private static void release(ScanAdmission.Ticket ticket) {
    if (ticket != null) {
      ticket.release();
    }
  }

  @Override
  public void watchScan(WatchScanRequest request, StreamObserver<ScanUpdate> response) {
    if (request.getAfterSequence() < 0) {
      throw Status.INVALID_ARGUMENT.withDescription("after_sequence must not be negative").asRuntimeException();
    }
    var calls = (ServerCallStreamObserver<ScanUpdate>) response;
    var watcher = new StreamingWatcher(calls);
    calls.setOnCancelHandler(() -> coordinator.unwatch(request.getScanId(), watcher));
    coordinator.remember(CallerAddressInterceptor.LOCAL_ADDRESS.get());
    answer(() -> {
      coordinator.watch(request.getScanId(), request.getAfterSequence(), watcher);
      return null;
    });
  }

  @Override
  public void getScan(GetScanRequest request, StreamObserver<ScanResult> response) {
    response.onNext(answer(() -> coordinator.get(request.getScanId())));
    response.onCompleted();
  }

  private static <T> T answer(Supplier<T> call) {
    try {
      return call.get();
    } catch (JdbiException e) {
      throw Status.UNAVAILABLE.withDescription("scan database unreachable: " + e.getMessage()).withCause(e)
          .asRuntimeException();
    } catch (UncheckedIOException e) {
      throw Status.UNAVAILABLE.withDescription(e.getMessage() + ": " + e.getCause().getMessage()).withCause(e)
          .asRuntimeException();
    }
  }
}
