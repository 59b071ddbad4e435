package dev.bulwark.gateway.auth;

import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.gateway.api.GatewayGrpcService;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.Authenticator;
import io.grpc.BindableService;
import io.grpc.Channel;
import io.grpc.ServerInterceptor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's part of the trust model, in one place: credentials verified by the gate, scans
 * owned by their starters, blobs usable only by whoever uploaded them, per-credential limits.
 * The standalone application and the embedded cluster wire the gateway through it alike.
 *
 * @param authenticator bearer credentials, checked by asking the gate
 * @param owners        which project (and starter) a scan id belongs to
 * @param rateLimits    the per-credential rate limiter, run after authentication
 * @param services      the content store and the Gateway service, guarded
 */
public record GatewaySecurity(Authenticator authenticator, ScanOwners owners, ServerInterceptor rateLimits,
    List<BindableService> services) {

  public static GatewaySecurity wire(DiskBlobStore store, ScanCoordinator coordinator, Channel gate, Limits limits,
      AuditLog audit) {
    var blobs = new CallerBlobs(limits.maxBlobBytes(), limits.blobGrants());
    var owners = new ScanOwners(id -> {
      try {
        return Optional.of(coordinator.get(id).getContext().getProject());
      } catch (ScanCoordinator.UnknownScanException e) {
        return Optional.empty();
      }
    });
    var admission = new ScanAdmission(limits, blobs, owners);
    return new GatewaySecurity(new GateTokenVerifier(gate, limits.credentialCache(), Clock.systemUTC()), owners,
        new CallerRateLimits(limits.callsPerSecond(), audit),
        List.of(new ContentStoreService(store, blobs), new GatewayGrpcService(coordinator, admission)));
  }
}
