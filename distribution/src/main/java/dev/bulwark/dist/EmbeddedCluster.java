package dev.bulwark.dist;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.grpc.GrpcServerFactory;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All Bulwark services in one process, each on its own loopback port, talking real gRPC.
 * Services are started in {@link EmbeddedService#startOrder()} order, each seeing the addresses
 * of those before it, and stopped in reverse order, releasing what each registered to close.
 */
public final class EmbeddedCluster implements LocalCluster {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

  /** The services a complete cluster has. */
  public static final List<String> REQUIRED = List.of("sast", "sca", "container", "gate", "gateway");
  /** Port of each service relative to the port base of {@code bulwark cluster}. */
  public static final Map<String, Integer> PORT_OFFSETS =
      Map.of("gateway", 0, "sast", 1, "sca", 2, "container", 3, "gate", 4);

  private record Running(EmbeddedService service, ManagedGrpcServer server, EmbeddedContext context) {}

  private final List<EmbeddedService> services;
  private final List<Running> running = new ArrayList<>();
  private final Map<String, String> targets = new LinkedHashMap<>();
  private EmbeddedSecurity security;
  private final Map<String, String> links = new LinkedHashMap<>();

  /** A cluster of exactly these services; names must be unique. */
  public EmbeddedCluster(List<EmbeddedService> services) {
    var names = new HashSet<String>();
    for (EmbeddedService s : services) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two embedded services are named '" + s.name() + "'");
      }
    }
    this.services = services.stream().sorted(Comparator.comparingInt(EmbeddedService::startOrder)).toList();
  }

  /** Every {@link EmbeddedService} listed in {@code META-INF/services} on the classpath. */
  public static EmbeddedCluster fromClasspath() {
    return new EmbeddedCluster(onClasspath());
  }

  /** Only the named services found on the classpath (e.g. the gate alone for the gate commands). */
  public static EmbeddedCluster fromClasspath(String... names) {
    var wanted = List.of(names);
    return new EmbeddedCluster(onClasspath().stream().filter(s -> wanted.contains(s.name())).toList());
  }

  private static List<EmbeddedService> onClasspath() {
    var found = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(found::add);
    return found;
  }

  public List<String> names() {
    return services.stream().map(EmbeddedService::name).toList();
  }

  /** Required services this cluster lacks, in {@link #REQUIRED} order. */
  public List<String> missing() {
    var names = names();
    return REQUIRED.stream().filter(n -> !names.contains(n)).toList();
  }

  /** @throws IllegalStateException naming every missing service */
  public EmbeddedCluster requireComplete() {
    var missing = missing();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the embedded cluster lacks " + String.join(", ", missing)
          + " (not on the classpath; build the full distribution with `./mvnw -pl distribution -am package`,"
          + " or pass --gateway HOST:PORT)");
    }
    return this;
  }

  /** Starts every service; on failure stops those already started and rethrows. */
  @Override
  public synchronized EmbeddedCluster start(Settings settings) {
    if (!running.isEmpty()) {
      throw new IllegalStateException("cluster already started");
    }
    security = EmbeddedSecurity.of(settings, services);
    for (EmbeddedService service : services) {
      var context = security.context(settings, Map.copyOf(targets), service.name());
      ManagedGrpcServer server = null;
      try {
        List<BindableService> grpc = service.create(context);
        int port = settings.portBase() == 0 ? 0 : settings.portBase() + PORT_OFFSETS.getOrDefault(service.name(), 0);
        server = new ManagedGrpcServer(service.name(), settings.bindHost(), port, Duration.ofSeconds(10),
            GrpcServerFactory.DEFAULT_MAX_INBOUND_BYTES, grpc, null, security.server(context));
        server.start();
      } catch (Exception e) {
        closeQuietly(context.closeables());
        close();
        throw new IllegalStateException("cannot start the embedded " + service.name() + " service: "
            + describe(e), e);
      }
      running.add(new Running(service, server, context));
      links.putAll(context.links());
      targets.put(service.name(), server.target());
      LOG.info("embedded {} listening on {}", service.name(), server.target());
    }
    return this;
  }

  /** URLs the services offer people (e.g. "dashboard"), in start order. */
  @Override
  public Map<String, String> links() {
    return Collections.unmodifiableMap(links);
  }

  /** The loopback address of a started service. */
  @Override
  public String target(String name) {
    String t = targets.get(name);
    if (t == null) {
      throw new IllegalStateException("embedded service '" + name + "' is not running");
    }
    return t;
  }

  /** Stops one service at once, cancelling its calls: what a crash looks like to the others. */
  public synchronized void kill(String name) {
    running.stream().filter(r -> r.service().name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("embedded service '" + name + "' is not running"))
        .server().kill();
  }

  @Override
  public Map<String, String> targets() {
    return Collections.unmodifiableMap(targets);
  }

  /** Stops services in reverse start order, each followed by what it registered to close. */
  @Override
  public synchronized void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      var r = running.get(i);
      try {
        r.server().stop();
      } catch (InterruptedException e) {
        r.server().kill();
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed", r.service().name(), e);
      }
      closeQuietly(r.context().closeables());
    }
    running.clear();
    targets.clear();
    if (security != null) {
      security.close();
      security = null;
    }
    links.clear();
  }

  /** The exception's message and its cause's ("cannot listen on …: Address already in use"). */
  private static String describe(Throwable e) {
    String msg = String.valueOf(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !msg.contains(cause.getMessage())) {
      msg += ": " + cause.getMessage();
    }
    return msg;
  }

  private static void closeQuietly(List<AutoCloseable> closeables) {
    var copy = new ArrayList<>(closeables);
    Collections.reverse(copy);
    for (AutoCloseable c : copy) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", c, e);
      }
    }
  }
}
