package dev.bulwark.gateway.core;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanEvent;
import dev.bulwark.v1.ScanSummary;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one scanner type's {@code Scan}, guarded by a bulkhead (bounded concurrency), a
 * circuit breaker (stops calling a scanner that keeps failing) and a retry (on UNAVAILABLE or
 * a CANCELLED the gateway did not cause, also mid-stream, as when a scanner replica dies: Scan
 * is idempotent by scan id, the partial results are dropped and the retry goes to another
 * replica). Every failure becomes a FAILED
 * report that says why.
 */
public final class ScannerCaller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScannerCaller.class);
  /** Codes that say "this scanner is not healthy", as opposed to "this request was bad". */
  static final Set<Status.Code> FAILURE_CODES =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  /** Codes of a scanner replica that is gone (killed, or stopped past its grace), not of a bad request. */
  static final Set<Status.Code> RETRIED_CODES = Set.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);

  /** What one scanner contributed to a scan. Findings are empty when the report is FAILED. */
  public record Outcome(ScannerReport report, List<Finding> findings, List<dev.bulwark.v1.Package> inventory) {}

  /** Calls to this scanner type from this replica: running, and waiting for a bulkhead slot. */
  public record Load(int inFlight, int waiting) {}

  private final ScannerEndpoint endpoint;
  private final ManagedChannel channel;
  private final Bulkhead bulkhead;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

  public ScannerCaller(ScannerEndpoint endpoint) {
    this(endpoint, ClientSecurity.NONE);
  }

  public ScannerCaller(ScannerEndpoint endpoint, ClientSecurity security) {
    this.endpoint = endpoint;
    this.channel = Channels.forTarget(endpoint.target(), security);
    var p = endpoint.policy();
    String name = "scanner-" + endpoint.name();
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(p.maxConcurrentScans()).maxWaitDuration(p.maxQueueWait()).build());
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindow(p.windowSize(), p.minimumCalls(), SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(p.failureRatePercent())
        // A long scan is not a failing scanner: Resilience4j's default counts every call over 60 s
        // as slow and opens the circuit when all are, which a busy cluster reaches (found by
        // bench/cluster at 50 concurrent scans). Deadlines bound slowness; only failures count.
        .slowCallDurationThreshold(java.time.Duration.ofDays(365))
        .slowCallRateThreshold(100)
        .waitDurationInOpenState(p.openDuration())
        // A stream cut mid-scan is one replica dying (retried on another), not the scanner type failing.
        .recordException(t -> t instanceof StreamBroken b && FAILURE_CODES.contains(b.status.getCode())
            && !(b.status.getCode() == Status.Code.UNAVAILABLE && b.events > 0))
        .build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(p.retryAttempts()).waitDuration(p.retryWait())
        .retryOnException(t -> t instanceof StreamBroken b && !b.cancelledByGateway
            && RETRIED_CODES.contains(b.status.getCode()))
        .build());
    retry.getEventPublisher().onRetry(e -> {
      LOG.info("{}: retrying Scan (attempt {}) after {}", endpoint.name(), e.getNumberOfRetryAttempts() + 1,
          e.getLastThrowable().getMessage());
      // A replica that died and came back is skipped until the channel's reconnect backoff (growing
      // to minutes) expires; with its sibling down too, every scan failed until then. Reconnect now.
      if (e.getLastThrowable() instanceof StreamBroken b && b.status.getCode() == Status.Code.UNAVAILABLE) {
        channel.resetConnectBackoff();
      }
    });
  }

  public String name() {
    return endpoint.name();
  }

  public CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  /** The circuit breaker's settings, for tests. */
  CircuitBreakerConfig breakerConfig() {
    return breaker.getCircuitBreakerConfig();
  }

  public Load load() {
    var m = bulkhead.getMetrics();
    int running = m.getMaxAllowedConcurrentCalls() - m.getAvailableConcurrentCalls();
    return new Load(running, Math.max(0, calls.get() - running));
  }

  /**
   * Runs the scan to its end (or failure) on the calling thread, inside the caller's gRPC
   * {@link io.grpc.Context}, so cancelling that context cancels the call.
   *
   * @param onFinding called for each finding as it arrives (progress counting)
   */
  public Outcome scan(ScanTask task, Deadline deadline, Consumer<Finding> onFinding) {
    long started = System.nanoTime();
    calls.incrementAndGet();
    try {
      return guardedScan(task, deadline, onFinding, started);
    } finally {
      calls.decrementAndGet();
    }
  }

  private Outcome guardedScan(ScanTask task, Deadline deadline, Consumer<Finding> onFinding, long started) {
    // The breaker sees a scan once, after its retries: one replica dying fails attempts that are
    // retried on another replica, and must not open the circuit of the whole scanner type (found
    // by bench/cluster: a killed sast replica opened the circuit and 147 of 200 scans got ERROR).
    Callable<Attempt> guarded = Bulkhead.decorateCallable(bulkhead,
        CircuitBreaker.decorateCallable(breaker,
            Retry.decorateCallable(retry, () -> attempt(task, deadline, onFinding))));
    try {
      Attempt a = guarded.call();
      if (a.summary == null) {
        return failed(started, "stream ended without a summary after " + a.findings.size() + " finding(s)");
      }
      if (a.summary.getStatus() == ScannerStatus.FAILED) {
        return failed(started, a.summary.getMessage());
      }
      var status = a.summary.getStatus() == ScannerStatus.DEGRADED ? ScannerStatus.DEGRADED : ScannerStatus.OK;
      return new Outcome(report(started, status, a.summary.getMessage(), a.findings.size()), a.findings, a.inventory);
    } catch (BulkheadFullException e) {
      return failed(started, "too busy: " + endpoint.policy().maxConcurrentScans()
          + " scans already in flight (bulkhead full)");
    } catch (CallNotPermittedException e) {
      return failed(started, "not called: circuit breaker open after repeated failures of " + endpoint.target());
    } catch (StreamBroken e) {
      return failed(started, e.describe(endpoint.target()));
    } catch (Exception e) {
      LOG.warn("{}: scan {} failed", endpoint.name(), task.getScanId(), e);
      return failed(started, "gateway error calling the scanner: " + e);
    }
  }

  private Attempt attempt(ScanTask task, Deadline deadline, Consumer<Finding> onFinding) {
    var findings = new ArrayList<Finding>();
    var inventory = new ArrayList<dev.bulwark.v1.Package>();
    ScanSummary summary = null;
    int events = 0;
    try {
      var stream = ScannerGrpc.newBlockingStub(channel).withDeadline(deadline).scan(task);
      while (stream.hasNext()) {
        ScanEvent e = stream.next();
        events++;
        if (e.hasFinding()) {
          findings.add(e.getFinding());
          onFinding.accept(e.getFinding());
        } else if (e.hasPackage()) {
          inventory.add(e.getPackage());
        } else if (e.hasSummary()) {
          summary = e.getSummary();
        }
      }
    } catch (StatusRuntimeException e) {
      throw new StreamBroken(e.getStatus(), events, Context.current().isCancelled());
    }
    return new Attempt(findings, inventory, summary);
  }

  private Outcome failed(long started, String message) {
    return new Outcome(report(started, ScannerStatus.FAILED, message, 0), List.of(), List.of());
  }

  private ScannerReport report(long started, ScannerStatus status, String message, int findings) {
    return ScannerReport.newBuilder().setScanner(endpoint.name()).setStatus(status)
        .setMessage(message == null ? "" : message).setFindings(findings)
        .setDurationMs((System.nanoTime() - started) / 1_000_000).build();
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }

  private record Attempt(List<Finding> findings, List<dev.bulwark.v1.Package> inventory, ScanSummary summary) {}

  /** A Scan call that ended with an error status, after {@code events} events. */
  static final class StreamBroken extends RuntimeException {
    final Status status;
    final int events;
    /** True when the gateway cancelled the call itself (shutting down), not the scanner. */
    final boolean cancelledByGateway;

    StreamBroken(Status status, int events, boolean cancelledByGateway) {
      super(status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription()),
          status.getCause(), false, false);
      this.status = status;
      this.events = events;
      this.cancelledByGateway = cancelledByGateway;
    }

    String describe(String target) {
      String what = switch (status.getCode()) {
        case UNAVAILABLE -> events == 0 ? "unreachable at " + target : "connection lost mid-scan";
        case DEADLINE_EXCEEDED -> "deadline exceeded";
        case CANCELLED -> cancelledByGateway ? "cancelled: the gateway is shutting down"
            : events == 0 ? "the scanner aborted the call" : "connection lost mid-scan";
        case RESOURCE_EXHAUSTED -> "out of resources";
        default -> "call failed";
      };
      String dropped = events > 0 ? " (after " + events + " event(s); partial results discarded)" : "";
      return what + dropped + ": " + getMessage();
    }
  }
}
