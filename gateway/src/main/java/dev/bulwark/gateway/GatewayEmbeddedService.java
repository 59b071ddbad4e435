package dev.bulwark.gateway;

import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.gateway.api.GatewayGrpcService;
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
    var coordinator = new ScanCoordinator(store, scanners, context.target("gate"), ScanCoordinator.Settings.defaults());
    context.closeOnStop(coordinator);
    return List.of(new ContentStoreService(store), new GatewayGrpcService(coordinator));
  }
}
