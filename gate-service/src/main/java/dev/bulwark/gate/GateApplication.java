package dev.bulwark.gate;

import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.dashboard.Dashboard;
import dev.bulwark.gate.dashboard.DashboardWeb;
import dev.bulwark.gate.dashboard.ViewerResolver;
import dev.bulwark.gate.db.JdbiDecisionHistory;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.db.Migrations;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.auth.GateAuth;
import dev.bulwark.server.grpc.DropwizardBootstrap;
import io.grpc.TlsServerCredentials;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The gate as a stand-alone service: {@code java -jar gate-service.jar server config.yml}. gRPC on
 * its own port; the decisions dashboard ({@code /dashboard/}, JSON under {@code /api/dashboard})
 * on Dropwizard's application connector.
 * JDBI comes from Dropwizard's {@link JdbiFactory}, so the connection pool is managed and a
 * {@code database} health check (mirrored into gRPC health) comes with it.
 */
public class GateApplication extends Application<GateConfiguration> {
  private final ViewerResolver viewers;
  private ManagedGrpcServer grpcServer;

  /** The gate whose dashboard knows its readers by the same credentials as its gRPC API. */
  public GateApplication() {
    this(null);
  }

  /** The gate whose dashboard knows its readers through {@code viewers} (null: by the gate's credentials). */
  public GateApplication(ViewerResolver viewers) {
    this.viewers = viewers;
  }

  public static void main(String[] args) throws Exception {
    new GateApplication().run(args);
  }

  @Override
  public String getName() {
    return "bulwark-gate";
  }

  @Override
  public void initialize(Bootstrap<GateConfiguration> bootstrap) {
    DropwizardBootstrap.substituteEnvironment(bootstrap);
  }

  @Override
  public void run(GateConfiguration config, Environment environment) {
    var database = config.databaseWithDefaults();
    var dataSource = database.build(environment.metrics(), "database");
    Migrations.migrate(dataSource);
    var store = new JdbiDecisionStore(new JdbiFactory().build(environment, database, dataSource, "database"));
    var audit = config.auditSink();
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        audit.close();
      }
    });
    var gate = new Gate(store, Clock.systemUTC(), config.exploitIntel(), audit);
    var auth = GateAuth.wire(store.jdbi(), store, config.oidcIssuers(), audit, Clock.systemUTC());
    String adminTokenDir = config.getAdminTokenDir();
    if (adminTokenDir != null && !adminTokenDir.isBlank()) {
      auth.ensureLocalAdmin(Path.of(adminTokenDir.strip()));
    }
    // People and platforms come with tokens; the gateway with its certificate (Evaluate, WhoAmI on behalf of callers).
    var security = config.getGrpc().security("gate", TlsServerCredentials.ClientAuth.OPTIONAL, auth.authenticator(),
        auth.owners(), audit);
    grpcServer = config.getGrpc().build("gate", environment, security, new GateGrpcService(gate, audit), auth.service());
    DashboardWeb.register(environment, new Dashboard(new JdbiDecisionHistory(store.jdbi()), store.suppressions(),
        store.policies(), Clock.systemUTC()), viewers != null ? viewers : auth.viewers());
  }

  /** The gRPC server once {@link #run} has wired it (its port when configured as 0). */
  public ManagedGrpcServer grpcServer() {
    return grpcServer;
  }
}
