package dev.bulwark.dist;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.AuthInterceptor;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.embedded.EmbeddedTrust;
import dev.bulwark.server.grpc.SecureDefaults;
import dev.bulwark.server.grpc.ServerSecurity;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded cluster's trust: service keys between its services, every call authenticated when
 * a service issues credentials (the gate), and with a certificate, TLS on every listener (the
 * services' calls to each other stay on loopback, pinned to that certificate). Applies
 * {@link SecureDefaults} to the bind address.
 */
final class EmbeddedSecurity implements AutoCloseable {
  private final EmbeddedTrust trust;
  private final Optional<TlsMaterial> serverTls;
  private final Optional<TlsMaterial> clientTls;

  private EmbeddedSecurity(boolean authenticate, List<String> names, Optional<TlsMaterial> serverTls,
      Optional<TlsMaterial> clientTls) {
    this.trust = authenticate ? EmbeddedTrust.enforcing(names, clientTls) : EmbeddedTrust.open(clientTls);
    this.serverTls = serverTls;
    this.clientTls = clientTls;
  }

  static EmbeddedSecurity of(LocalCluster.Settings settings, List<EmbeddedService> services) {
    var s = settings.security();
    boolean authenticate = s.authenticate() && services.stream().anyMatch(EmbeddedService::issuesCredentials);
    SecureDefaults.check("bulwark cluster", settings.bindHost(), s.tls(), authenticate, s.insecure());
    var names = services.stream().map(EmbeddedService::name).toList();
    if (!s.tls()) {
      return new EmbeddedSecurity(authenticate, names, Optional.empty(), Optional.empty());
    }
    var cert = s.tlsCert().orElseThrow();
    var key = s.tlsKey().orElseThrow(() -> new IllegalArgumentException("--tls-cert needs --tls-key"));
    var server = TlsMaterial.load(new TlsFiles(Optional.of(cert), Optional.of(key), Optional.empty(),
        TlsFiles.DEFAULT_REFRESH));
    return new EmbeddedSecurity(authenticate, names, Optional.of(server), Optional.of(TlsMaterial.pinned(cert)));
  }

  /** The context a service of the cluster is created in. */
  EmbeddedContext context(LocalCluster.Settings settings, Map<String, String> targets, String service) {
    return new EmbeddedContext(settings.home(), settings.advisories(), targets, settings.options(), service, trust);
  }

  ServerSecurity server(EmbeddedContext context) {
    if (!trust.isEnforcing()) {
      return new ServerSecurity(serverTls, TlsServerCredentials.ClientAuth.NONE, List.of());
    }
    var guard = context.guard().get();
    var interceptors = new ArrayList<ServerInterceptor>();
    interceptors.add(AuthInterceptor.enforcing(Authenticator.chain(List.of(trust.serviceKeys(), guard.authenticator())),
        guard.owners(), AuditLog.LOG_ONLY));
    interceptors.addAll(guard.limits());
    return new ServerSecurity(serverTls, TlsServerCredentials.ClientAuth.NONE, interceptors);
  }

  @Override
  public void close() {
    serverTls.ifPresent(TlsMaterial::close);
    clientTls.ifPresent(TlsMaterial::close);
  }
}
