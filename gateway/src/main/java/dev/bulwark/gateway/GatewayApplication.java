package dev.bulwark.gateway;

import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.grpc.DropwizardBootstrap;
import dev.bulwark.gateway.api.GatewayGrpcService;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.health.BlobStoreHealthCheck;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;

/** The gateway service: content store and scan fan-out on one gRPC server. */
public class GatewayApplication extends Application<GatewayConfiguration> {

  public static void main(String[] args) throws Exception {
    new GatewayApplication().run(args);
  }

  @Override
  public String getName() {
    return "bulwark-gateway";
  }

  @Override
  public void initialize(Bootstrap<GatewayConfiguration> bootstrap) {
    DropwizardBootstrap.substituteEnvironment(bootstrap);
  }

  @Override
  public void run(GatewayConfiguration config, Environment environment) {
    var store = new DiskBlobStore(Path.of(config.blobDir));
    var coordinator = new ScanCoordinator(store, config.scannerEndpoints(), config.gate,
        config.coordinatorSettings());
    environment.healthChecks().register("content-store", new BlobStoreHealthCheck(store));
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        coordinator.close(); // cancels in-flight scanner calls
      }
    });
    config.grpc.build("gateway", environment, new ContentStoreService(store), new GatewayGrpcService(coordinator));
  }
}
