package dev.bulwark.server.grpc;

import dev.bulwark.common.grpc.TlsMaterial;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import java.util.List;
import java.util.Optional;

/**
 * How a server secures its calls: TLS from files that are re-read when they change (with client
 * certificates required, optional or not asked for), and the interceptors every call passes
 * through in order: authentication and authorisation first, then per-caller limits.
 *
 * @param tls          this server's certificate, key and the CA client certificates must chain to
 * @param clientAuth   REQUIRE for services only other services call (scanners), OPTIONAL where
 *                     people come with tokens and services with certificates (gateway, gate)
 * @param interceptors in the order they see a call
 */
public record ServerSecurity(Optional<TlsMaterial> tls, TlsServerCredentials.ClientAuth clientAuth,
    List<ServerInterceptor> interceptors) {
  /** Plain text, no authentication: unit tests that call a service directly. */
  public static final ServerSecurity NONE =
      new ServerSecurity(Optional.empty(), TlsServerCredentials.ClientAuth.NONE, List.of());

  public ServerSecurity {
    interceptors = List.copyOf(interceptors);
    if (tls.isPresent() && tls.get().keyManager().isEmpty()) {
      throw new IllegalArgumentException("a TLS server needs its certificate and key");
    }
  }

  public ServerSecurity withInterceptors(List<ServerInterceptor> more) {
    var all = new java.util.ArrayList<>(interceptors);
    all.addAll(more);
    return new ServerSecurity(tls, clientAuth, all);
  }

  public ServerCredentials credentials() {
    if (tls.isEmpty()) {
      return InsecureServerCredentials.create();
    }
    return TlsServerCredentials.newBuilder().keyManager(tls.get().keyManager().orElseThrow())
        .trustManager(tls.get().trustManager()).clientAuth(clientAuth).build();
  }
}
