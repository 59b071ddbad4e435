package dev.bulwark.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.gateway.auth.LimitSettings;
import dev.bulwark.server.grpc.GrpcServerFactory;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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

  /** Where the content store keeps blobs. */
  @NotEmpty
  @JsonProperty
  public String blobDir = defaultHome().resolve("gateway/cas").toString();

  /** host:port scanners use to reach this gateway's content store; empty: the address a client used. */
  @JsonProperty
  public String advertiseAddress = "";

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

  @Min(1)
  @JsonProperty
  public int maxRetainedScans = 1000;

  @NotNull
  @JsonProperty
  public Duration scanRetention = Duration.hours(1);

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
        advertiseAddress == null ? "" : advertiseAddress.strip(), maxRetainedScans,
        scanRetention.toJavaDuration());
  }

  static Path defaultHome() {
    String home = System.getenv("BULWARK_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bulwark");
  }
}
