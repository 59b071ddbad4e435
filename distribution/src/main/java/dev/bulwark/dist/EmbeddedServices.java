package dev.bulwark.dist;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.cli.local.LocalServices;
import dev.bulwark.cli.local.ScanPreparation;
import dev.bulwark.dist.feeds.FirstRun;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.embedded.StartupTrace;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The full distribution's local services: the five services found on the classpath through
 * {@code META-INF/services/dev.bulwark.server.embedded.EmbeddedService}.
 */
public final class EmbeddedServices implements LocalServices {
  private final Supplier<EmbeddedCluster> cluster;

  /** The services on the classpath. */
  public EmbeddedServices() {
    this(EmbeddedCluster::fromClasspath);
  }

  private EmbeddedServices(Supplier<EmbeddedCluster> cluster) {
    this.cluster = cluster;
  }

  /** A cluster of exactly these services (tests put stand-ins here); the gate commands use the real gate. */
  public static EmbeddedServices of(List<EmbeddedService> services) {
    return new EmbeddedServices(() -> new EmbeddedCluster(services));
  }

  @Override
  public LocalCluster cluster() {
    return cluster.get().requireComplete();
  }

  /** The first run: the advisory data the tree's ecosystems need, fetched when missing or old ({@link FirstRun}). */
  @Override
  public void prepareScan(ScanPreparation preparation) {
    StartupTrace.mark("scan: preparing");
    new FirstRun(Clock.systemUTC()).run(preparation);
    StartupTrace.mark("scan: prepared");
  }

  @Override
  public LocalCluster gate() {
    var gate = EmbeddedCluster.fromClasspath("gate");
    if (gate.names().isEmpty()) {
      throw new IllegalStateException("the embedded gate is not on the classpath (build the full distribution"
          + " with `./mvnw -pl distribution -am package`, or pass --gate HOST:PORT)");
    }
    return gate;
  }
}
