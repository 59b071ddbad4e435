package dev.bulwark.gate.audit;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import dev.bulwark.server.audit.AuditEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each record ({@code application/json}, one object) to a URL, asynchronously: emit
 * returns at once. A failed attempt (connection error, timeout, non-2xx) is retried by a
 * Resilience4j {@link Retry} after a doubling backoff, at most {@code maxAttempts} times in all,
 * then logged and dropped.
 */
public final class WebhookAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAuditSink.class);
  private final URI url;
  private final HttpClient client;
  private final Duration timeout;
  private final RetryConfig retry;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger inFlight = new AtomicInteger();

  public WebhookAuditSink(URI url, int maxAttempts, Duration backoff, Duration timeout) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("audit webhook must be an http(s) URL, not " + url);
    }
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.retry = RetryConfig.<HttpResponse<Void>>custom()
        .maxAttempts(Math.max(1, maxAttempts))
        .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
        .retryOnResult(response -> !delivered(response))
        .failAfterMaxAttempts(false)
        .build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "audit-webhook-retry");
      t.setDaemon(true);
      return t;
    });
  }

  /** Three attempts, 500 ms then 1 s apart, 10 s per attempt. */
  public WebhookAuditSink(URI url) {
    this(url, 3, Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  private static boolean delivered(HttpResponse<?> response) {
    return response.statusCode() / 100 == 2;
  }

  @Override
  public void emit(AuditRecord record) {
    post(record.toJson(), "the decision of scan " + record.decision().getScanId());
  }

  @Override
  public void emit(AuditEvent event) {
    post(event.toJson(), "the " + event.event() + " event");
  }

  private void post(String json, String what) {
    var request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    var attempts = Retry.of("audit webhook", retry);
    attempts.getEventPublisher().onRetry(e -> LOG.info("audit webhook {}: attempt {} for {} failed ({}), "
        + "retrying in {} ms", url, e.getNumberOfRetryAttempts(), what,
        e.getLastThrowable() == null ? "not 2xx" : e.getLastThrowable().toString(), e.getWaitInterval().toMillis()));
    inFlight.incrementAndGet();
    attempts.executeCompletionStage(scheduler, () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
        .whenComplete((response, error) -> {
          inFlight.decrementAndGet();
          if (error != null || !delivered(response)) {
            LOG.warn("audit webhook {}: {} was not delivered after {} attempts: {}", url, what,
                retry.getMaxAttempts(), error != null ? error.toString() : "HTTP " + response.statusCode());
          }
        });
  }

  /** Records not yet delivered or given up on. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Waits (at most about 5 s) for records in flight, then stops the retry scheduler. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    scheduler.shutdownNow();
  }

  @Override
  public String toString() {
    return "webhook " + url;
  }
}
