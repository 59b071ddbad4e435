package dev.bulwark.server.grpc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule every server start obeys: listening beyond loopback needs both authentication and
 * TLS, unless explicitly started insecure, which then warns on every start.
 */
public final class SecureDefaults {
  private static final Logger LOG = LoggerFactory.getLogger(SecureDefaults.class);

  private SecureDefaults() {}

  /**
   * @throws IllegalStateException when {@code host} is reachable from other machines without
   *                               authentication and TLS, and {@code insecure} is not set
   */
  public static void check(String name, String host, boolean tls, boolean auth, boolean insecure) {
    if (isLoopback(host) || (tls && auth)) {
      return;
    }
    String missing = !tls && !auth ? "authentication and TLS" : !tls ? "TLS" : "authentication";
    if (!insecure) {
      throw new IllegalStateException(name + ": refusing to listen on " + host + " without " + missing
          + ": configure TLS certificates (grpc.tls, or bulwark cluster --tls-cert/--tls-key) and keep"
          + " authentication on, or accept the risk with insecure: true (bulwark cluster --insecure)");
    }
    LOG.warn("{}: INSECURE: listening on {} without {}; anyone who can reach this port can {}", name, host, missing,
        auth ? "read every credential sent to it" : "scan, read every project's results and override decisions");
  }

  public static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return host.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
