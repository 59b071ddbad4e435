package dev.bulwark.gateway;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gateway.auth.GatewaySecurity;
import dev.bulwark.server.audit.FileAuditLog;
import io.grpc.BindableService;
import io.grpc.TlsServerCredentials;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.gc.BlobCollector;
import dev.bulwark.gateway.gc.Housekeeping;
import dev.bulwark.gateway.health.BlobStoreHealthCheck;
import dev.bulwark.gateway.health.GatewayMetrics;
import dev.bulwark.gateway.store.CallerRecords;
import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.server.grpc.DropwizardBootstrap;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The gateway service: content store and scan fan-out on one gRPC server. Scans live in the
 * database ({@code database:}), blobs in the content store ({@code contentStore:}); with both
 * shared, any replica serves any scan.
 */
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
    var blobs = config.contentStore.build(Path.of(config.blobDir));
    var database = config.databaseWithDefaults();
    var dataSource = database.build(environment.metrics(), "database");
    var jdbi = new JdbiFactory().build(environment, database, dataSource, "database");
    var scans = ScanStore.migrated(jdbi, dataSource);
    var settings = config.coordinatorSettings();
    var clientSecurity = config.grpc.clientSecurity(); // our certificate towards scanners and the gate
    var coordinator = new ScanCoordinator(blobs, scans, config.scannerEndpoints(), config.gate, settings,
        config.replicaId(), Clock.systemUTC(), clientSecurity);
    var housekeeping = new Housekeeping(scans, new BlobCollector(blobs, scans, config.blobRetention.toJavaDuration()),
        settings.retention(), config.housekeepingInterval.toJavaDuration(), Clock.systemUTC());
    var gate = Channels.forTarget(config.gate, clientSecurity);
    var audit = FileAuditLog.configured(config.auditFile);
    var guarded = GatewaySecurity.wire(blobs,
        Optional.of(new CallerRecords(scans.jdbi(), Clock.systemUTC())), coordinator, gate, config.limits.toLimits(),
        audit);
    environment.healthChecks().register("content-store", new BlobStoreHealthCheck(blobs));
    GatewayMetrics.register(environment.metrics(), coordinator, GatewayConfiguration.SCANNERS);
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        housekeeping.close();
        coordinator.close(); // lets go of this replica's scans: the others take them over
        Channels.close(gate);
      }
    });
    // Pipelines come with tokens (TLS, no client certificate); scanners read blobs with their certificates.
    var security = config.grpc.security("gateway", TlsServerCredentials.ClientAuth.OPTIONAL, guarded.authenticator(),
        guarded.owners(), audit, guarded.rateLimits());
    config.grpc.build("gateway", environment, security, guarded.services().toArray(BindableService[]::new));
  }
}
