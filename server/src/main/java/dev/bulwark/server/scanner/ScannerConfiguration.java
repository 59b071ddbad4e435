package dev.bulwark.server.scanner;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.ResourceOwners;
import dev.bulwark.server.grpc.GrpcServerFactory;
import io.grpc.TlsServerCredentials;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * What every scanner's YAML has: the gRPC server, the default content store (the gateway) for
 * tasks that name none, and the local blob cache. Scanners extend it with their own settings.
 */
public class ScannerConfiguration extends Configuration {
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();
  @NotEmpty
  private String contentStore = "localhost:7070";
  @NotEmpty
  private String cacheDir;

  protected ScannerConfiguration(int defaultGrpcPort, String defaultCacheDir) {
    grpc.setPort(defaultGrpcPort);
    cacheDir = defaultCacheDir;
  }

  /**
   * Puts the engine on the wire as {@code bulwark.v1.Scanner} on the configured server, with the
   * blob cache and channels closed when Dropwizard stops.
   */
  public ManagedGrpcServer serve(ScannerEngine engine, Environment environment) {
    var service = new ScannerGrpcService(engine, new DiskBlobStore(Path.of(cacheDir)), contentStore,
        grpc.clientSecurity());
    // Only the gateway calls a scanner: mutual TLS, no bearer credentials (AccessRules).
    var security = grpc.security(engine.name(), TlsServerCredentials.ClientAuth.REQUIRE, Authenticator.NONE,
        ResourceOwners.NONE, AuditLog.LOG_ONLY);
    var server = grpc.build(engine.name(), environment, security, service);
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        service.close();
      }
    });
    return server;
  }

  @JsonProperty
  public GrpcServerFactory getGrpc() {
    return grpc;
  }

  @JsonProperty
  public void setGrpc(GrpcServerFactory grpc) {
    this.grpc = grpc;
  }

  /** Default content store (host:port) for tasks that name none. */
  @JsonProperty
  public String getContentStore() {
    return contentStore;
  }

  @JsonProperty
  public void setContentStore(String contentStore) {
    this.contentStore = contentStore;
  }

  /** Local cache of blobs fetched from the content store. */
  @JsonProperty
  public String getCacheDir() {
    return cacheDir;
  }

  @JsonProperty
  public void setCacheDir(String cacheDir) {
    this.cacheDir = cacheDir;
  }
}
