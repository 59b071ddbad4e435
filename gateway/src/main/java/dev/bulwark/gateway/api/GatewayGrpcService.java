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
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * {@code bulwark.v1.Gateway} on the wire: maps requests to the {@link ScanCoordinator}. Its
 * refusals (a malformed manifest, missing blobs, an unknown scan) become statuses in
 * {@link dev.bulwark.server.grpc.ExceptionMappingInterceptor}, like every service's.
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
    ScanAdmission.Ticket ticket = admission == null ? null : admission.admit(request);
    String id;
    try {
      id = coordinator.start(request, CallerAddressInterceptor.LOCAL_ADDRESS.get());
    } catch (RuntimeException e) {
      release(ticket);
      throw e;
    }
    if (ticket != null) {
      admission.started(id, request, ticket);
      coordinator.watch(id, new ScanWatcher() {
        @Override
        public void onUpdate(ScanUpdate update) {}

        @Override
        public void onDone() {
          ticket.release();
        }
      });
    }
    response.onNext(StartScanResponse.newBuilder().setScanId(id).build());
    response.onCompleted();
  }

  private static void release(ScanAdmission.Ticket ticket) {
    if (ticket != null) {
      ticket.release();
    }
  }

  @Override
  public void watchScan(WatchScanRequest request, StreamObserver<ScanUpdate> response) {
    var calls = (ServerCallStreamObserver<ScanUpdate>) response;
    var watcher = new StreamingWatcher(calls);
    calls.setOnCancelHandler(() -> coordinator.unwatch(request.getScanId(), watcher));
    coordinator.watch(request.getScanId(), watcher);
  }

  @Override
  public void getScan(GetScanRequest request, StreamObserver<ScanResult> response) {
    response.onNext(coordinator.get(request.getScanId()));
    response.onCompleted();
  }
}
