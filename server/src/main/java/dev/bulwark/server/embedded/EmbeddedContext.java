package dev.bulwark.server.embedded;

import dev.bulwark.common.cas.DiskBlobStore;
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
 */
public record EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
    Map<String, String> options, List<AutoCloseable> closeables, Map<String, String> links) {

  public EmbeddedContext(Path home, Optional<Path> advisories, Map<String, String> targets,
      Map<String, String> options) {
    this(home, advisories, targets, options, Collections.synchronizedList(new ArrayList<>()),
        Collections.synchronizedMap(new LinkedHashMap<>()));
  }

  /** Tells the cluster a URL this service offers people, to print or open (e.g. "dashboard"). */
  public void advertise(String name, String url) {
    links.put(name, url);
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
    var service = new ScannerGrpcService(engine, new DiskBlobStore(cacheDir), targets.getOrDefault("gateway", ""));
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
