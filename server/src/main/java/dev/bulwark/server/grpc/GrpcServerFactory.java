package dev.bulwark.server.grpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.Channels;
import io.dropwizard.core.setup.Environment;
import io.grpc.BindableService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import io.dropwizard.util.Duration;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.AuthInterceptor;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.ResourceOwners;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code grpc:} block of a service's YAML configuration. */
public class GrpcServerFactory {
  public static final int DEFAULT_MAX_INBOUND_BYTES = Channels.MAX_MESSAGE_BYTES;

  @NotEmpty
  private String host = "0.0.0.0";
  @Min(0)
  @Max(65535)
  private int port = 9090;
  private Duration shutdownGracePeriod = Duration.seconds(20);
  @Min(1024)
  private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_BYTES;
  @Valid
  @NotNull
  private TlsSettings tls = new TlsSettings();
  /** Authenticate every call (AccessRules); off only for explicitly insecure setups. */
  private boolean auth = true;
  /** Allow listening beyond loopback without TLS or authentication (warned about on every start). */
  private boolean insecure = false;
  private TlsMaterial material;

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public Duration getShutdownGracePeriod() {
    return shutdownGracePeriod;
  }

  @JsonProperty
  public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
    this.shutdownGracePeriod = shutdownGracePeriod;
  }

  @JsonProperty
  public int getMaxInboundMessageBytes() {
    return maxInboundMessageBytes;
  }

  @JsonProperty
  public void setMaxInboundMessageBytes(int maxInboundMessageBytes) {
    this.maxInboundMessageBytes = maxInboundMessageBytes;
  }

  @JsonProperty
  public TlsSettings getTls() {
    return tls;
  }

  @JsonProperty
  public void setTls(TlsSettings tls) {
    this.tls = tls;
  }

  @JsonProperty
  public boolean isAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(boolean auth) {
    this.auth = auth;
  }

  @JsonProperty
  public boolean isInsecure() {
    return insecure;
  }

  @JsonProperty
  public void setInsecure(boolean insecure) {
    this.insecure = insecure;
  }

  /** The TLS files, loaded once and re-read when they change; empty without {@code tls.cert}. */
  public synchronized Optional<TlsMaterial> tlsMaterial() {
    if (!tls.enabled()) {
      return Optional.empty();
    }
    if (material == null) {
      material = TlsMaterial.load(tls.files(), tls.verifyHostname);
    }
    return Optional.of(material);
  }

  /**
   * What this service presents when it calls another: its certificate over TLS when configured,
   * else plain text.
   */
  public ClientSecurity clientSecurity() {
    return tlsMaterial().map(ClientSecurity::tls).orElse(ClientSecurity.NONE);
  }

  /**
   * TLS and authentication for this server: bearer credentials checked by {@code authenticator},
   * services known by their certificates, resources' projects from {@code owners}, refusals to
   * {@code audit}; {@code limits} run after authentication. Applies {@link SecureDefaults}.
   */
  public ServerSecurity security(String name, TlsServerCredentials.ClientAuth clientAuth, Authenticator authenticator,
      ResourceOwners owners, AuditLog audit, ServerInterceptor... limits) {
    SecureDefaults.check(name, host, tls.enabled(), auth, insecure);
    var interceptors = new ArrayList<ServerInterceptor>();
    interceptors.add(auth ? AuthInterceptor.enforcing(authenticator, owners, audit) : AuthInterceptor.disabled());
    interceptors.addAll(List.of(limits));
    return new ServerSecurity(tlsMaterial(), clientAuth, interceptors);
  }

  /** Builds the server and hands its life to Dropwizard. */
  public ManagedGrpcServer build(String name, Environment environment, ServerSecurity security,
      BindableService... services) {
    var server = new ManagedGrpcServer(name, host, port, shutdownGracePeriod.toJavaDuration(), maxInboundMessageBytes,
        List.of(services), environment.healthChecks(), security);
    environment.lifecycle().manage(server);
    if (material != null) {
      environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
        @Override
        public void stop() {
          material.close();
        }
      });
    }
    return server;
  }
}
