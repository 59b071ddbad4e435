package dev.bulwark.server.embedded;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.StoreBlobSource;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.ResourceOwners;
import io.grpc.ServerInterceptor;
import java.util.concurrent.atomic.AtomicReference;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an embedded service may know when it is created.
 *
 * @param home        Bulwark's home folder ({@code $BULWARK_HOME}, default {@code ~/.bulwark}):
 *                    the embedded database, caches and stores live below it
 * @param advisories  OSV data (a folder of per-ecosystem zips or JSON files), when given
 * @param targets     loopback addresses ({@code host:port}) of the services already started, by name
 * @param options     further settings by name (e.g. "trivy" → path of a trivy executable)
 * @param closeables  what to close when the cluster stops
 * @param links       URLs a service offers people (e.g. "dashboard" → the gate's web view), by name
 * @param killHooks   what stops each service's background work when it is killed (a simulated crash)
 * @param service     the name of the service being created ("gateway", "sast", ...)
 * @param trust       how the cluster's services authenticate each other
 * @param guard       what the service asked its server to check (see {@link #guard})
 */
public record EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
    Map<String, String> options, List<AutoCloseable> closeables, Map<String, String> links,
    List<Runnable> killHooks, String service, EmbeddedTrust trust, AtomicReference<Guard> guard) {

  /** Option: "off" turns the scanners' results cache off ({@code BULWARK_RESULTS_CACHE=off}). */
  public static final String RESULTS_CACHE = "results.cache";
  /** Option: the results cache's bound per scanner, in MiB ({@code BULWARK_RESULTS_CACHE_MB}; 0: off). */
  public static final String RESULTS_CACHE_MB = "results.cacheMb";
  public static final long DEFAULT_RESULTS_CACHE_MB = 256;

  /** A context that enforces nothing (a service started alone, in tests). */
  public EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
      Map<String, String> options) {
    this(home, advisories, targets, options, "", EmbeddedTrust.open());
  }

  public EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
      Map<String, String> options, String service, EmbeddedTrust trust) {
    this(home, advisories, targets, options, Collections.synchronizedList(new ArrayList<>()),
        Collections.synchronizedMap(new LinkedHashMap<>()), Collections.synchronizedList(new ArrayList<>()),
        service, trust, new AtomicReference<>(Guard.NONE));
  }

  /** Tells the cluster a URL this service offers people, to print or open (e.g. "dashboard"). */
  public void advertise(String name, String url) {
    links.put(name, url);
  }

  /**
   * What a service's server checks beyond the cluster's service keys: the bearer credentials it
   * accepts, the projects of the resources it holds, and per-caller limits run after authentication.
   */
  public record Guard(Authenticator authenticator, ResourceOwners owners, List<ServerInterceptor> limits) {
    public static final Guard NONE = new Guard(Authenticator.NONE, ResourceOwners.NONE, List.of());
  }

  /** Registers what this service's server must check (called from {@link EmbeddedService#create}). */
  public void guard(Authenticator authenticator, ResourceOwners owners, ServerInterceptor... limits) {
    guard.set(new Guard(authenticator, owners, List.of(limits)));
  }

  /** What this service sends when it calls another service of the cluster (its service key). */
  public ClientSecurity clientSecurity() {
    return trust.clientFor(service);
  }

  /** Registers something to close when the cluster stops (in reverse order). */
  public void closeOnStop(AutoCloseable closeable) {
    closeables.add(closeable);
  }

  /**
   * Registers what stops this service's own background work when it is killed (a simulated
   * crash): it must stop without any clean-up the other services could notice.
   */
  public void haltOnKill(Runnable halt) {
    killHooks.add(halt);
  }

  /**
   * The embedded cluster's content store: the gateway's blobs, on local disk under
   * {@code <home>/gateway/cas}. Embedded scanners read it directly, as clustered scanners read a
   * shared bucket, so every gateway of the process serves every scan.
   */
  public DiskBlobStore contentStore() {
    return new DiskBlobStore(home.resolve("gateway").resolve("cas"));
  }

  /**
   * Where scanners keep what they derive from their built-in rule packs between runs (their parsed
   * form, keyed by content): {@code <home>/cache/rules}, shared by the embedded scanners and
   * {@code bulwark check}.
   */
  public Path rulePacks() {
    return rulePacks(home);
  }

  /** {@link #rulePacks()} of Bulwark's home folder {@code home}. */
  public static Path rulePacks(Path home) {
    return home.resolve("cache").resolve("rules");
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * Puts a scanner engine on the wire for the embedded cluster, with its blob cache in
   * {@code cacheDir}, reading blobs from the {@link #contentStore()} directly; what it opens is
   * closed when the cluster stops.
   */
  public ScannerGrpcService scanner(ScannerEngine engine, Path cacheDir) {
    var shared = new StoreBlobSource(contentStore(), 4);
    var service = new ScannerGrpcService(engine, new DiskBlobStore(cacheDir), targets.getOrDefault("gateway", ""),
        clientSecurity(), Optional.of(shared), results(engine.name()));
    closeOnStop(service);
    closeOnStop(shared);
    return service;
  }

  /**
   * Where a scanner keeps its analysis results between scans: {@code <home>/cache/results/<scanner>},
   * at most {@value #RESULTS_CACHE_MB} (option, default {@value #DEFAULT_RESULTS_CACHE_MB}) MiB, least
   * recently used first out; option {@value #RESULTS_CACHE} "off" keeps none.
   */
  public ResultStore results(String scanner) {
    if (option(RESULTS_CACHE).orElse("on").equalsIgnoreCase("off")) {
      return ResultStore.NONE;
    }
    long mb;
    try {
      mb = Long.parseLong(option(RESULTS_CACHE_MB).orElse(Long.toString(DEFAULT_RESULTS_CACHE_MB)).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(RESULTS_CACHE_MB + " must be a number of MiB, not '"
          + option(RESULTS_CACHE_MB).orElse("") + "'", e);
    }
    return mb <= 0 ? ResultStore.NONE
        : new DiskResultStore(home.resolve("cache").resolve("results").resolve(scanner), mb * 1024 * 1024);
  }

  /** The address of a service started earlier. */
  public String target(String service) {
    String t = targets.get(service);
    if (t == null) {
      throw new IllegalStateException("service '" + service + "' is not started yet");
    }
    return t;
  }
}
