package dev.bulwark.gateway.auth;

import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Resilience4j {@link RateLimiter} per credential: {@code limits.callsPerSecond} calls per
 * second, refused at once (never queued) with RESOURCE_EXHAUSTED and a retry hint, so one busy
 * pipeline cannot starve the others. Services (scanners reading blobs) are not limited. Runs
 * after authentication, which put the caller in the context.
 */
public final class CallerRateLimits implements ServerInterceptor {
  static final int MAX_CALLERS = 10_000;

  private final RateLimiterConfig config;
  private final int callsPerSecond;
  private final AuditLog audit;
  private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
      return size() > MAX_CALLERS;
    }
  };

  public CallerRateLimits(int callsPerSecond, AuditLog audit) {
    this.callsPerSecond = callsPerSecond;
    this.audit = audit;
    this.config = RateLimiterConfig.custom().limitForPeriod(callsPerSecond).limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ZERO).build();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Principal caller = AuthContext.principal();
    if (caller.isService() || caller.kind() == Principal.Kind.LOCAL) {
      return next.startCall(call, headers);
    }
    RateLimiter limiter;
    synchronized (limiters) {
      limiter = limiters.computeIfAbsent(caller.id(), id -> RateLimiter.of("caller", config));
    }
    if (!limiter.acquirePermission()) {
      long toRefresh = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
          : Duration.ofSeconds(1).toNanos();
      long wait = Math.max(toRefresh, Duration.ofMillis(10).toNanos());
      var refusal = Exhausted.retryAfter("rate limit of " + callsPerSecond + " calls per second per credential"
          + " exceeded (limits.callsPerSecond)", Duration.ofNanos(wait));
      audit.emit(new AuditEvent(AuditEvent.RATE_LIMITED, Clock.systemUTC().instant(), caller.id(),
          caller.kind().name().toLowerCase(Locale.ROOT), "", call.getMethodDescriptor().getFullMethodName(),
          AuthContext.peerAddress(), "limits.callsPerSecond " + callsPerSecond, Map.of()));
      call.close(refusal.getStatus(), refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
