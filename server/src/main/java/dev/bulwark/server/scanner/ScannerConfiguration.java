package dev.bulwark.server.scanner;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.codahale.metrics.Gauge;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.cas.ContentStoreFactory;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.ResourceOwners;
import dev.bulwark.server.grpc.GrpcServerFactory;
import io.grpc.TlsServerCredentials;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import io.dropwizard.util.DataSize;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * What every scanner's YAML has: the gRPC server, the default content store (the gateway) for
 * tasks that name none, and the local blob cache. Scanners extend it with their own settings.
 */
public class ScannerConfiguration extends Configuration {
  private static final Logger LOG = LoggerFactory.getLogger(ScannerConfiguration.class);
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();
  @NotEmpty
  private String contentStore = "localhost:7070";
  @NotEmpty
  private String cacheDir;
  /** The shared content store to read blobs from directly (type s3); disk: through the gateway. */
  @Valid
  @NotNull
  private ContentStoreFactory sharedStore = new ContentStoreFactory();
  /**
   * Keep analysis results between scans: in the shared store's bucket when it is S3 (every replica
   * reuses them; see {@link ContentStoreFactory#resultsRetention}), else under
   * {@code <cacheDir>/results/<scanner>}, at most {@link #resultsCacheMaxSize}.
   */
  private boolean resultsCache = true;
  @NotNull
  private DataSize resultsCacheMaxSize = DataSize.mebibytes(256);

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
        grpc.clientSecurity(), sharedStore.scannerSource(), results(engine.name(), environment));
    // What an autoscaler scales this scanner on (KEDA / HPA on a custom metric).
    environment.metrics().register("bulwark.scanner.inflight", (Gauge<Integer>) service::inFlight);
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

  /**
   * The scanner's results store: the shared bucket's (expired every six hours by each replica:
   * idempotent deletes), a bounded local folder, or none.
   */
  private ResultStore results(String scanner, Environment environment) {
    if (!resultsCache) {
      return ResultStore.NONE;
    }
    var shared = sharedStore.sharedResults();
    if (shared.isEmpty()) {
      return new DiskResultStore(Path.of(cacheDir).resolve("results").resolve(scanner), resultsCacheMaxSize.toBytes());
    }
    var bucket = shared.get();
    var expiry = environment.lifecycle().scheduledExecutorService(scanner + "-results-expiry").threads(1).build();
    expiry.scheduleWithFixedDelay(() -> {
      try {
        int deleted = bucket.expire();
        LOG.info("results cache {}: {} entries expired", bucket.describe(), deleted);
      } catch (IOException | RuntimeException e) {
        LOG.warn("results cache {}: expiry failed (retried later): {}", bucket.describe(), e.toString());
      }
    }, 1, 6 * 60, TimeUnit.MINUTES);
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        bucket.close();
      }
    });
    return bucket;
  }

  @JsonProperty
  public boolean isResultsCache() {
    return resultsCache;
  }

  @JsonProperty
  public void setResultsCache(boolean resultsCache) {
    this.resultsCache = resultsCache;
  }

  @JsonProperty
  public DataSize getResultsCacheMaxSize() {
    return resultsCacheMaxSize;
  }

  @JsonProperty
  public void setResultsCacheMaxSize(DataSize resultsCacheMaxSize) {
    this.resultsCacheMaxSize = resultsCacheMaxSize;
  }

  @JsonProperty
  public ContentStoreFactory getSharedStore() {
    return sharedStore;
  }

  @JsonProperty
  public void setSharedStore(ContentStoreFactory sharedStore) {
    this.sharedStore = sharedStore;
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
