package dev.bulwark.gate;

import dev.bulwark.common.embedded.EmbeddedContext;
import dev.bulwark.common.embedded.EmbeddedService;
import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.core.Gate;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import io.grpc.BindableService;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The gate inside the embedded cluster: an H2 file database under {@code <home>/gate}, migrated
 * on start, its pool closed when the cluster stops.
 */
public final class GateEmbeddedService implements EmbeddedService {
  @Override
  public String name() {
    return "gate";
  }

  @Override
  public int startOrder() {
    return 20;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    var pool = H2Files.pool(context.home().resolve("gate"));
    context.closeOnStop(pool::dispose);
    var store = JdbiDecisionStore.migrated(Jdbi.create(pool));
    return List.of(new GateGrpcService(new Gate(store, Clock.systemUTC())));
  }
}
