package dev.bulwark.server.grpc;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.lifecycle.Managed;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import dev.bulwark.common.grpc.EventLoops;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC server whose life Dropwizard manages. It registers {@code grpc.health.v1} health,
 * mirroring the Dropwizard health checks, and server reflection; on stop it drains in-flight
 * calls ({@code shutdown} → {@code awaitTermination} → {@code shutdownNow}).
 */
public final class ManagedGrpcServer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedGrpcServer.class);

  private final String name;
  private final String host;
  private final int requestedPort;
  private final Duration shutdownGrace;
  private final int maxInboundMessageBytes;
  private final List<BindableService> services;
  private final HealthCheckRegistry healthChecks;
  private final ServerSecurity security;
  private final HealthStatusManager health = new HealthStatusManager();
  private ScheduledExecutorService healthPoller;
  private Server server;
  private Duration maxConnectionAge;
  private Duration maxConnectionAgeGrace;

  public ManagedGrpcServer(String name, String host, int port, Duration shutdownGrace,
      int maxInboundMessageBytes, List<BindableService> services, HealthCheckRegistry healthChecks) {
    this(name, host, port, shutdownGrace, maxInboundMessageBytes, services, healthChecks, ServerSecurity.NONE);
  }

  /** A server whose calls pass {@code security}'s TLS and interceptors (authentication, limits). */
  public ManagedGrpcServer(String name, String host, int port, Duration shutdownGrace,
      int maxInboundMessageBytes, List<BindableService> services, HealthCheckRegistry healthChecks,
      ServerSecurity security) {
    this.security = security;
    this.name = name;
    this.host = host;
    this.requestedPort = port;
    this.shutdownGrace = shutdownGrace;
    this.maxInboundMessageBytes = maxInboundMessageBytes;
    this.services = List.copyOf(services);
    this.healthChecks = healthChecks;
  }

  /** A server on loopback with defaults, for tests and the embedded cluster; port 0 picks one. */
  public static ManagedGrpcServer onLoopback(String name, int port, BindableService... services) {
    return new ManagedGrpcServer(name, "127.0.0.1", port, Duration.ofSeconds(10),
        GrpcServerFactory.DEFAULT_MAX_INBOUND_BYTES, List.of(services), null);
  }

  /** Closes each connection after {@code age} (calls on it get {@code grace} more), before {@link #start()}. */
  public synchronized ManagedGrpcServer maxConnectionAge(Duration age, Duration grace) {
    this.maxConnectionAge = age;
    this.maxConnectionAgeGrace = grace;
    return this;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    var builder = EventLoops.apply(NettyServerBuilder.forAddress(new InetSocketAddress(host, requestedPort),
        security.credentials())).maxInboundMessageSize(maxInboundMessageBytes);
    if (maxConnectionAge != null) {
      builder.maxConnectionAge(maxConnectionAge.toMillis(), TimeUnit.MILLISECONDS)
          .maxConnectionAgeGrace(maxConnectionAgeGrace.toMillis(), TimeUnit.MILLISECONDS);
    }
    // ServerInterceptors.intercept runs the last one first: exception mapping innermost, security outermost.
    var interceptors = new ArrayList<ServerInterceptor>(security.interceptors());
    Collections.reverse(interceptors);
    interceptors.add(0, new ExceptionMappingInterceptor());
    for (BindableService service : services) {
      builder.addService(ServerInterceptors.intercept(service, interceptors));
    }
    builder.addService(health.getHealthService());
    builder.addService(ProtoReflectionServiceV1.newInstance());
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot listen on " + host + ":" + requestedPort, e);
    }
    for (BindableService service : services) {
      health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
    }
    if (healthChecks != null) {
      healthPoller = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, name + "-health");
        t.setDaemon(true);
        return t;
      });
      healthPoller.scheduleWithFixedDelay(this::mirrorHealth, 0, 5, TimeUnit.SECONDS);
    }
    LOG.info("{}: gRPC listening on {}:{} ({})", name, host, port(), security.tls().isPresent()
        ? "TLS, client certificates " + security.clientAuth() : "plain text");
  }

  /** Sets the overall gRPC health from the Dropwizard health checks. */
  void mirrorHealth() {
    boolean healthy = healthChecks.runHealthChecks().values().stream().allMatch(HealthCheck.Result::isHealthy);
    var status = healthy ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    for (BindableService service : services) {
      health.setStatus(service.bindService().getServiceDescriptor().getName(), status);
    }
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return server.getPort();
  }

  public String target() {
    return ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    if (server == null) {
      return;
    }
    health.enterTerminalState();
    if (healthPoller != null) {
      healthPoller.shutdownNow();
    }
    server.shutdown();
    if (!server.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("{}: calls still running after {}, cancelling them", name, shutdownGrace);
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
    server = null;
  }

  /** Stops at once, cancelling in-flight calls: what a crash looks like to clients. */
  public synchronized void kill() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }
}
