package dev.bulwark.server.grpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.Channels;
import io.dropwizard.core.setup.Environment;
import io.grpc.BindableService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import io.dropwizard.util.Duration;
import java.util.List;

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

  /** Builds the server and hands its life to Dropwizard. */
  public ManagedGrpcServer build(String name, Environment environment, BindableService... services) {
    var server = new ManagedGrpcServer(name, host, port, shutdownGracePeriod.toJavaDuration(), maxInboundMessageBytes,
        List.of(services), environment.healthChecks());
    environment.lifecycle().manage(server);
    return server;
  }
}
