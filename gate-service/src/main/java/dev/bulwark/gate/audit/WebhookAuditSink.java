package dev.bulwark.gate.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each record ({@code application/json}, one object) to a URL, asynchronously: emit
 * returns at once. A failed attempt (connection error, timeout, non-2xx) is retried after a
 * doubling backoff, at most {@code maxAttempts} times in all, then logged and dropped.
 */
public final class WebhookAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAuditSink.class);
  private final URI url;
  private final HttpClient client;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration timeout;
  private final AtomicInteger inFlight = new AtomicInteger();

  public WebhookAuditSink(URI url, int maxAttempts, Duration backoff, Duration timeout) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("audit webhook must be an http(s) URL, not " + url);
    }
    this.url = url;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Three attempts, 500 ms then 1 s apart, 10 s per attempt. */
  public WebhookAuditSink(URI url) {
    this(url, 3, Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  @Override
  public void emit(AuditRecord record) {
    var request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(record.toJson())).build();
    inFlight.incrementAndGet();
    attempt(request, record.decision().getScanId(), 1);
  }

  private void attempt(HttpRequest request, String scanId, int n) {
    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      String failure = error != null ? error.toString()
          : response.statusCode() / 100 != 2 ? "HTTP " + response.statusCode() : null;
      if (failure == null) {
        inFlight.decrementAndGet();
      } else if (n < maxAttempts) {
        long delay = backoff.toMillis() << (n - 1);
        LOG.info("audit webhook {}: attempt {} for scan {} failed ({}), retrying in {} ms", url, n, scanId, failure,
            delay);
        CompletableFuture.runAsync(() -> attempt(request, scanId, n + 1),
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
      } else {
        inFlight.decrementAndGet();
        LOG.warn("audit webhook {}: the decision of scan {} was not delivered after {} attempts: {}", url, scanId, n,
            failure);
      }
    });
  }

  /** Records not yet delivered or given up on. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Waits (at most about 5 s) for records in flight. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "webhook " + url;
  }
}
