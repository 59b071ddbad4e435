package dev.bulwark.gateway;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.gateway.auth.GatewaySecurity;
import dev.bulwark.gateway.auth.Limits;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.gateway.core.ResiliencePolicy;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import io.grpc.BindableService;
import java.util.List;

/**
 * The gateway inside the embedded cluster: content store under {@code <home>/gateway/cas},
 * scanners and gate at the loopback addresses of the services started before it. Scanners
 * read blobs from the address the client used to reach the gateway.
 */
public final class GatewayEmbeddedService implements EmbeddedService {
  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public int startOrder() {
    return 30;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    var store = new DiskBlobStore(context.home().resolve("gateway").resolve("cas"));
    var scanners = GatewayConfiguration.SCANNERS.stream()
        .map(name -> new ScannerEndpoint(name, context.target(name), ResiliencePolicy.defaults()))
        .toList();
    var coordinator = new ScanCoordinator(store, scanners, context.target("gate"), ScanCoordinator.Settings.defaults(),
        context.clientSecurity());
    context.closeOnStop(coordinator);
    // Credentials are verified by the gate; the channel carries only the caller's own bearer (no service key).
    var gate = Channels.forTarget(context.target("gate"), context.trust().clientFor("gateway").tls()
        .map(ClientSecurity::tls).orElse(ClientSecurity.NONE));
    context.closeOnStop(() -> Channels.close(gate));
    var guarded = GatewaySecurity.wire(store, coordinator, gate, Limits.defaults(), AuditLog.LOG_ONLY);
    context.guard(guarded.authenticator(), guarded.owners(), guarded.rateLimits());
    return guarded.services();
  }
}
