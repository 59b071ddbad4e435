package dev.bulwark.server.embedded;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.ResourceOwners;
import io.grpc.ServerInterceptor;
import java.util.concurrent.atomic.AtomicReference;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
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
 * @param service     the name of the service being created ("gateway", "sast", ...)
 * @param trust       how the cluster's services authenticate each other
 * @param guard       what the service asked its server to check (see {@link #guard})
 */
public record EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
    Map<String, String> options, List<AutoCloseable> closeables, Map<String, String> links, String service,
    EmbeddedTrust trust, AtomicReference<Guard> guard) {

  /** A context that enforces nothing (a service started alone, in tests). */
  public EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
      Map<String, String> options) {
    this(home, advisories, targets, options, "", EmbeddedTrust.open());
  }

  public EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
      Map<String, String> options, String service, EmbeddedTrust trust) {
    this(home, advisories, targets, options, Collections.synchronizedList(new ArrayList<>()),
        Collections.synchronizedMap(new LinkedHashMap<>()), service, trust, new AtomicReference<>(Guard.NONE));
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

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * Puts a scanner engine on the wire for the embedded cluster, with its blob cache in
   * {@code cacheDir}; the channels it opens are closed when the cluster stops. Tasks name the
   * gateway's content store themselves (the gateway starts after the scanners).
   */
  public ScannerGrpcService scanner(ScannerEngine engine, Path cacheDir) {
    var service = new ScannerGrpcService(engine, new DiskBlobStore(cacheDir), targets.getOrDefault("gateway", ""),
        clientSecurity());
    closeOnStop(service);
    return service;
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
