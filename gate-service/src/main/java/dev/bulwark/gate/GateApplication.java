package dev.bulwark.gate;

import dev.bulwark.server.grpc.DropwizardBootstrap;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.core.Gate;
import dev.bulwark.gate.db.EvaluationReplies;
import dev.bulwark.gate.db.JdbiDecisionStore;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * The gate as a stand-alone service: {@code java -jar gate-service.jar server config.yml}.
 * JDBI comes from Dropwizard's {@link JdbiFactory}, so the connection pool is managed and a
 * {@code database} health check (mirrored into gRPC health) comes with it.
 */
public class GateApplication extends Application<GateConfiguration> {
  private ManagedGrpcServer grpcServer;

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
    var jdbi = new JdbiFactory().build(environment, config.databaseWithDefaults(), "database");
    var store = JdbiDecisionStore.migrated(jdbi);
    var audit = config.auditSink();
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        audit.close();
      }
    });
    var gate = new Gate(store, Clock.systemUTC(), config.exploitIntel(), audit);
    grpcServer = config.getGrpc().build("gate", environment, new GateGrpcService(gate,
        Optional.of(new EvaluationReplies(jdbi))));
  }

  /** The gRPC server once {@link #run} has wired it (its port when configured as 0). */
  public ManagedGrpcServer grpcServer() {
    return grpcServer;
  }
}
