package dev.bulwark.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.gateway.store.GatewayDatabase;
import dev.bulwark.server.cas.ContentStoreFactory;
import dev.bulwark.gateway.auth.LimitSettings;
import dev.bulwark.server.grpc.GrpcServerFactory;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import io.dropwizard.util.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway's YAML: where the scanners and the gate are, the blob store, deadlines, resilience. */
public class GatewayConfiguration extends Configuration {
  /** The scanner types every scan fans out to, in report order. */
  public static final List<String> SCANNERS = List.of("sast", "sca", "container");

  @Valid
  @NotNull
  @JsonProperty
  public GrpcServerFactory grpc = new GrpcServerFactory();

  /** Where the content store keeps blobs when it is on local disk ({@code contentStore.type: disk}). */
  @NotEmpty
  @JsonProperty
  public String blobDir = defaultHome().resolve("gateway/cas").toString();

  /** The content store: local disk (one replica) or an S3 bucket every replica and scanner shares. */
  @Valid
  @NotNull
  @JsonProperty
  public ContentStoreFactory contentStore = new ContentStoreFactory();

  /**
   * The scan database: url "default" is an H2 file under $BULWARK_HOME/gateway/db (one replica);
   * several replicas share one PostgreSQL database.
   */
  @Valid
  @NotNull
  @JsonProperty
  public DataSourceFactory database = new DataSourceFactory();

  /**
   * host:port scanners use to read blobs through a gateway when they do not read the shared store
   * themselves: with several replicas, the Service every replica is behind. Empty: the address a
   * client used.
   */
  @JsonProperty
  public String advertiseAddress = "";

  /** This replica's name in the database's leases; empty: the host name and a random suffix. */
  @JsonProperty
  public String replicaId = "";

  /** Scanner type → target ("host:port", "h1:p1,h2:p2" or "dns:///name:port"). */
  @NotEmpty
  @JsonProperty
  public Map<String, String> scanners = new LinkedHashMap<>();

  /** The gate's target. */
  @NotEmpty
  @JsonProperty
  public String gate = "localhost:7074";

  @NotNull
  @JsonProperty
  public Duration defaultDeadline = Duration.minutes(10);

  /** Scanner type → bulkhead, circuit breaker and retry settings; missing ones take defaults. */
  @Valid
  @NotNull
  @JsonProperty
  public Map<String, ResilienceSettings> resilience = new LinkedHashMap<>();

  /** What one credential may ask: rates, concurrent scans, sizes (see LimitSettings). */
  @Valid
  @NotNull
  @JsonProperty
  public LimitSettings limits = new LimitSettings();

  /** Audit events (authentication failures, denials, rate limits) as JSON lines; empty: the log only. */
  @JsonProperty
  public String auditFile = "";

  /** How long a finished scan (its events and result) stays in the database. */
  @NotNull
  @JsonProperty
  public Duration scanRetention = Duration.hours(24);

  /** Blobs no retained scan refers to are deleted once they are older than this. */
  @NotNull
  @JsonProperty
  public Duration blobRetention = Duration.days(7);

  /** How often a replica deletes expired scans and unreferenced blobs. */
  @NotNull
  @JsonProperty
  public Duration housekeepingInterval = Duration.hours(1);

  /**
   * How long a replica's claim on a scan lasts without renewal (renewed every third of it): a
   * dead replica's scans are taken over by another after at most this long.
   */
  @NotNull
  @JsonProperty
  public Duration lease = Duration.seconds(20);

  /** How often watchers look for events written by other replicas. */
  @NotNull
  @JsonProperty
  public Duration watchPoll = Duration.milliseconds(250);

  public List<ScannerEndpoint> scannerEndpoints() {
    for (String name : SCANNERS) {
      if (scanners.get(name) == null || scanners.get(name).isBlank()) {
        throw new IllegalArgumentException("scanners." + name + " is not configured");
      }
    }
    return SCANNERS.stream().map(name -> new ScannerEndpoint(name, scanners.get(name),
        resilience.getOrDefault(name, new ResilienceSettings()).toPolicy())).toList();
  }

  public ScanCoordinator.Settings coordinatorSettings() {
    return new ScanCoordinator.Settings(defaultDeadline.toJavaDuration(),
        advertiseAddress == null ? "" : advertiseAddress.strip(), scanRetention.toJavaDuration(),
        lease.toJavaDuration(), watchPoll.toJavaDuration());
  }

  public String replicaId() {
    return replicaId == null || replicaId.isBlank() ? ScanCoordinator.newReplicaId("gateway") : replicaId.strip();
  }

  /** The database settings with "default" (or empty) resolved to the H2 file and the driver picked from the url. */
  public DataSourceFactory databaseWithDefaults() {
    if (database.getUrl() == null || database.getUrl().isBlank() || database.getUrl().equals("default")) {
      database.setUrl(GatewayDatabase.h2Url(defaultHome().resolve("gateway/db")));
    }
    String driver = database.getDriverClass();
    if (driver == null || driver.isBlank() || driver.equals("auto")) {
      database.setDriverClass(GatewayDatabase.driverFor(database.getUrl()));
    }
    return database;
  }

  static Path defaultHome() {
    String home = System.getenv("BULWARK_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bulwark");
  }
}
