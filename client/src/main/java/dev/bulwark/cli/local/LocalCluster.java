package dev.bulwark.cli.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Bulwark services running inside this process on loopback ports, as the full distribution
 * provides them (the thin client has none and talks to a remote gateway or gate instead).
 */
public interface LocalCluster extends AutoCloseable {
  /**
   * @param home       Bulwark's home folder
   * @param advisories OSV data, when given
   * @param options    further settings for services (e.g. "trivy")
   * @param portBase   0: every service on a free port; else a fixed port per service from this base
   * @param bindHost   address to listen on; loopback unless remote clients must reach it
   */
  record Settings(Path home, Optional<Path> advisories, Map<String, String> options, int portBase,
      String bindHost, Security security) {
    /** On loopback only, the default: nothing outside this machine can reach the services. */
    public Settings(Path home, Optional<Path> advisories, Map<String, String> options, int portBase) {
      this(home, advisories, options, portBase, "127.0.0.1");
    }

    public Settings(Path home, Optional<Path> advisories, Map<String, String> options, int portBase,
        String bindHost) {
      this(home, advisories, options, portBase, bindHost, Security.DEFAULT);
    }
  }

  /**
   * How the cluster protects itself: every call authenticated (the local admin token under
   * {@code $BULWARK_HOME}, service keys between the services), TLS on the listeners others reach
   * (gateway, gate) when given a certificate; {@code insecure} lets it listen beyond loopback
   * without TLS.
   *
   * @param tlsCert certificate chain (PEM) the gateway and gate serve
   * @param tlsKey  its key (PEM, PKCS#8)
   */
  record Security(boolean authenticate, Optional<Path> tlsCert, Optional<Path> tlsKey, boolean insecure) {
    public static final Security DEFAULT = new Security(true, Optional.empty(), Optional.empty(), false);

    public boolean tls() {
      return tlsCert.isPresent();
    }
  }

  /** Starts the services; on failure stops those already started and throws IllegalStateException. */
  LocalCluster start(Settings settings);

  /** The address ({@code host:port}) of a started service: "gateway", "gate", "sast", ... */
  String target(String service);

  /** Every started service's address, in start order. */
  Map<String, String> targets();

  /** URLs the services offer people, by name (e.g. "dashboard", the gate's web view). */
  default Map<String, String> links() {
    return Map.of();
  }

  /** Stops every service, releasing what each holds (databases, caches). */
  @Override
  void close();
}
