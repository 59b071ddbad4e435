package dev.bulwark.common.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Client channels to Bulwark services. A target is {@code host:port}, a comma-separated list
 * {@code h1:p1,h2:p2} (static round-robin), or any gRPC URI such as {@code dns:///scanner-sca:9090}
 * (round-robin over every address DNS returns, as for a headless Kubernetes Service).
 * Retries of idempotent calls on UNAVAILABLE come from {@code service-config.json}.
 */
public final class Channels {
  /** The largest message a Bulwark server accepts or a client reads: 64 MiB. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  private static final Map<String, ?> SERVICE_CONFIG = loadServiceConfig();

  static {
    NameResolverRegistry.getDefaultRegistry().register(new StaticNameResolverProvider());
  }

  private Channels() {}

  /** A plaintext channel with round-robin balancing and the retry policy. */
  public static ManagedChannel forTarget(String target) {
    return forTarget(target, ClientSecurity.NONE);
  }

  /** A channel secured as {@code security} says, with round-robin balancing and the retry policy. */
  public static ManagedChannel forTarget(String target, ClientSecurity security) {
    return EventLoops.apply(NettyChannelBuilder.forTarget(normalise(target), security.channelCredentials()))
        .defaultServiceConfig(SERVICE_CONFIG)
        .enableRetry()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .keepAliveTime(30, TimeUnit.SECONDS)
        .build();
  }

  /** Turns the forms we accept into a URI gRPC resolves. */
  static String normalise(String target) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("empty gRPC target");
    }
    String t = target.strip();
    if (t.contains("://") || t.startsWith("dns:") || t.startsWith("unix:")) {
      return t;
    }
    return StaticNameResolverProvider.SCHEME + ":///" + t;
  }

  public static void close(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> loadServiceConfig() {
    try (var in = Channels.class.getResourceAsStream("service-config.json")) {
      if (in == null) {
        throw new IllegalStateException("service-config.json missing from the classpath");
      }
      return (Map<String, ?>) numbersAsDoubles(new ObjectMapper().readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** gRPC's service-config reader wants every JSON number as a Double, as Gson gives them. */
  private static Object numbersAsDoubles(Object json) {
    if (json instanceof Number n) {
      return n.doubleValue();
    }
    if (json instanceof Map<?, ?> m) {
      return m.entrySet().stream().collect(Collectors.toMap(e -> (String) e.getKey(),
          e -> numbersAsDoubles(e.getValue())));
    }
    if (json instanceof List<?> l) {
      return l.stream().map(Channels::numbersAsDoubles).toList();
    }
    return json;
  }
}
