package dev.bulwark.server.embedded;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

/**
 * How the services of one embedded cluster know each other without certificates: each gets a
 * random key at start (never written anywhere) that it sends as its bearer credential when it
 * calls another, and that the others accept as that service's identity (the name its
 * certificate would carry: "gateway", "scanner-sast", ...). {@link #open()} enforces nothing:
 * services started alone in tests.
 */
public final class EmbeddedTrust {
  private static final String PREFIX = "bwk-service_";
  private final boolean enforcing;
  private final Optional<TlsMaterial> tls;
  private final Map<String, String> keys = new LinkedHashMap<>();

  private EmbeddedTrust(boolean enforcing, Optional<TlsMaterial> tls) {
    this.enforcing = enforcing;
    this.tls = tls;
  }

  /** Nothing enforced: every caller is {@link Principal#local()}. */
  public static EmbeddedTrust open() {
    return open(Optional.empty());
  }

  /** Nothing enforced; calls between the services over TLS when {@code tls} is given. */
  public static EmbeddedTrust open(Optional<TlsMaterial> tls) {
    return new EmbeddedTrust(false, tls);
  }

  /** A fresh random key for each of these embedded services ("sast", "gate", "gateway", ...). */
  public static EmbeddedTrust enforcing(List<String> services) {
    return enforcing(services, Optional.empty());
  }

  /**
   * Service keys as {@link #enforcing(List)}; the services' calls to each other over TLS pinned to
   * {@code tls} when given.
   */
  public static EmbeddedTrust enforcing(List<String> services, Optional<TlsMaterial> tls) {
    var trust = new EmbeddedTrust(true, tls);
    var random = new SecureRandom();
    for (String s : services) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      trust.keys.put(peerName(s), PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }
    return trust;
  }

  public boolean isEnforcing() {
    return enforcing;
  }

  /** The name the access rules know a service by: "gateway", "gate", "scanner-sast", ... */
  public static String peerName(String embeddedName) {
    return embeddedName.equals("gateway") || embeddedName.equals("gate") ? embeddedName : "scanner-" + embeddedName;
  }

  /** What the service {@code embeddedName} sends when it calls another service of the cluster. */
  public ClientSecurity clientFor(String embeddedName) {
    String key = keys.get(peerName(embeddedName));
    ClientSecurity transport = tls.map(ClientSecurity::tls).orElse(ClientSecurity.NONE);
    return key == null ? transport : transport.withCredentials(BearerCredentials.of(key));
  }

  /** Accepts the cluster's service keys as their services' identities. */
  public Authenticator serviceKeys() {
    return bearer -> {
      if (!bearer.startsWith(PREFIX)) {
        return Authenticator.notMine();
      }
      byte[] offered = bearer.getBytes(StandardCharsets.UTF_8);
      for (var e : keys.entrySet()) {
        if (MessageDigest.isEqual(offered, e.getValue().getBytes(StandardCharsets.UTF_8))) {
          return Authenticator.valid(Principal.service(e.getKey()));
        }
      }
      return Authenticator.invalid("unknown service key");
    };
  }
}
