package dev.bulwark.dist;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.embedded.StartupTrace;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All Bulwark services in one process, each on its own loopback port, talking real gRPC.
 * Services are started in {@link EmbeddedService#startOrder()} order (those of the same order in
 * parallel), each seeing the addresses of the lower orders, and stopped in reverse order,
 * releasing what each registered to close.
 */
public final class EmbeddedCluster implements LocalCluster {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

  /** The services a complete cluster has. */
  public static final List<String> REQUIRED = List.of("sast", "sca", "container", "gate", "gateway");
  /** Port of each service relative to the port base of {@code bulwark cluster}. */
  public static final Map<String, Integer> PORT_OFFSETS =
      Map.of("gateway", 0, "sast", 1, "sca", 2, "container", 3, "gate", 4);

  /** One short-lived daemon thread per service of a level started or stopped in parallel. */
  private static final Executor PER_SERVICE = task -> {
    var thread = new Thread(task, "embedded-service");
    thread.setDaemon(true);
    thread.start();
  };

  private record Running(EmbeddedService service, ManagedGrpcServer server, EmbeddedContext context) {}

  private final List<EmbeddedService> services;
  private final List<Running> running = new ArrayList<>();
  private final Map<String, String> targets = new LinkedHashMap<>();
  private EmbeddedSecurity security;
  /** Whether this run's databases compact as they close (decided at start). */
  private DatabaseCompaction compaction;
  private long compactionFloor = DatabaseCompaction.FLOOR;
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

  /** Another size below which a database never compacts on close (tests; see {@link DatabaseCompaction}). */
  EmbeddedCluster compactionFloor(long bytes) {
    compactionFloor = bytes;
    return this;
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

  /**
   * Starts every service, level by level: services of the same {@link EmbeddedService#startOrder()}
   * start in parallel (each on its own thread), seeing the addresses of the lower levels; on failure
   * stops those already started and rethrows.
   */
  @Override
  public synchronized EmbeddedCluster start(Settings settings) {
    if (!running.isEmpty()) {
      throw new IllegalStateException("cluster already started");
    }
    security = EmbeddedSecurity.of(settings, services);
    compaction = DatabaseCompaction.decide(settings.home(), compactionFloor);
    StartupTrace.mark("cluster: starting");
    compaction.whileOpening(() -> startLevels(settings));
    StartupTrace.mark("cluster: started");
    return this;
  }

  private void startLevels(Settings settings) {
    var levels = new TreeMap<Integer, List<EmbeddedService>>();
    services.forEach(s -> levels.computeIfAbsent(s.startOrder(), k -> new ArrayList<>()).add(s));
    for (List<EmbeddedService> level : levels.values()) {
      var seen = Map.copyOf(targets);
      Executor executor = level.size() == 1 ? Runnable::run : PER_SERVICE;
      var starting = level.stream()
          .map(service -> CompletableFuture.supplyAsync(() -> startOne(service, settings, seen), executor)).toList();
      RuntimeException failure = null;
      for (var future : starting) {
        try {
          Running r = future.join();
          running.add(r);
          links.putAll(r.context().links());
          targets.put(r.service().name(), r.server().target());
          LOG.info("embedded {} listening on {}", r.service().name(), r.server().target());
        } catch (CompletionException e) {
          failure = failure != null ? failure : (RuntimeException) e.getCause();
        }
      }
      if (failure != null) {
        close();
        throw failure;
      }
    }
  }

  /** Creates one service and puts it on the wire; on failure releases what it registered and throws. */
  private Running startOne(EmbeddedService service, Settings settings, Map<String, String> seen) {
    long started = System.nanoTime();
    var context = security.context(settings, seen, service.name());
    try {
      List<BindableService> grpc = service.create(context);
      long created = System.nanoTime();
      int port = settings.portBase() == 0 ? 0 : settings.portBase() + PORT_OFFSETS.getOrDefault(service.name(), 0);
      var server = new ManagedGrpcServer(service.name(), settings.bindHost(), port, Duration.ofSeconds(10),
          GrpcServerFactory.DEFAULT_MAX_INBOUND_BYTES, grpc, null, security.server(context));
      server.start();
      StartupTrace.mark("cluster: " + service.name() + " started, created in " + (created - started) / 1_000_000 + " ms");
      LOG.info("embedded {} started in {} ms (created in {} ms)", service.name(),
          (System.nanoTime() - started) / 1_000_000, (created - started) / 1_000_000);
      return new Running(service, server, context);
    } catch (Exception e) {
      closeQuietly(context.closeables());
      throw new IllegalStateException("cannot start the embedded " + service.name() + " service: "
          + describe(e), e);
    }
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

  /**
   * Stops one service at once, cancelling its calls and halting its background work without any
   * clean-up: what a crash looks like to the others.
   */
  public synchronized void kill(String name) {
    var r = running.stream().filter(x -> x.service().name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("embedded service '" + name + "' is not running"));
    r.server().kill();
    List.copyOf(r.context().killHooks()).forEach(Runnable::run);
  }

  @Override
  public Map<String, String> targets() {
    return Collections.unmodifiableMap(targets);
  }

  /**
   * Stops services in reverse start order, each followed by what it registered to close; the
   * services of one start order in parallel (as they started), so that the gate's database closes
   * while the scanners stop instead of after them. A service of a lower order stops only once every
   * service of the higher orders (which may call it) has stopped.
   */
  @Override
  public synchronized void close() {
    StartupTrace.mark("cluster: stopping");
    var levels = new TreeMap<Integer, List<Running>>(Comparator.reverseOrder());
    running.forEach(r -> levels.computeIfAbsent(r.service().startOrder(), k -> new ArrayList<>()).add(r));
    boolean interrupted = false;
    for (List<Running> level : levels.values()) {
      Executor executor = level.size() == 1 ? Runnable::run : PER_SERVICE;
      var stopping = level.stream().map(r -> CompletableFuture.supplyAsync(() -> stopOne(r), executor)).toList();
      for (var stopped : stopping) {
        interrupted |= stopped.join();
      }
    }
    running.clear();
    targets.clear();
    if (compaction != null) {
      compaction.closed();
      compaction = null;
    }
    if (security != null) {
      security.close();
      security = null;
    }
    links.clear();
    StartupTrace.mark("cluster: stopped");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops one service's server, then closes what it registered; true when interrupted while waiting. */
  private static boolean stopOne(Running r) {
    long started = System.nanoTime();
    boolean interrupted = false;
    try {
      r.server().stop();
    } catch (InterruptedException e) {
      r.server().kill();
      interrupted = true;
    } catch (RuntimeException e) {
      LOG.warn("stopping {} failed", r.service().name(), e);
    }
    long serverStopped = System.nanoTime();
    closeQuietly(r.context().closeables());
    LOG.info("embedded {} stopped in {} ms (server {} ms)", r.service().name(),
        (System.nanoTime() - started) / 1_000_000, (serverStopped - started) / 1_000_000);
    return interrupted;
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
