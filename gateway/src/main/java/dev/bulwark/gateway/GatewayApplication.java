package dev.bulwark.gateway;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gateway.auth.GatewaySecurity;
import dev.bulwark.server.audit.FileAuditLog;
import io.grpc.BindableService;
import io.grpc.TlsServerCredentials;
import dev.bulwark.server.grpc.DropwizardBootstrap;
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
    var clientSecurity = config.grpc.clientSecurity(); // our certificate towards scanners and the gate
    var coordinator = new ScanCoordinator(store, config.scannerEndpoints(), config.gate,
        config.coordinatorSettings(), clientSecurity);
    var gate = Channels.forTarget(config.gate, clientSecurity);
    var audit = FileAuditLog.configured(config.auditFile);
    var guarded = GatewaySecurity.wire(store, coordinator, gate, config.limits.toLimits(), audit);
    environment.healthChecks().register("content-store", new BlobStoreHealthCheck(store));
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        coordinator.close(); // cancels in-flight scanner calls
        Channels.close(gate);
      }
    });
    // Pipelines come with tokens (TLS, no client certificate); scanners read blobs with their certificates.
    var security = config.grpc.security("gateway", TlsServerCredentials.ClientAuth.OPTIONAL, guarded.authenticator(),
        guarded.owners(), audit, guarded.rateLimits());
    config.grpc.build("gateway", environment, security, guarded.services().toArray(BindableService[]::new));
  }
}
