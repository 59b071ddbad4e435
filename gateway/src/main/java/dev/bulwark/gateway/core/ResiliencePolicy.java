package dev.bulwark.gateway.core;

import java.time.Duration;

/**
 * How the gateway protects itself from one scanner type.
 *
 * @param maxConcurrentScans  bulkhead: scans in flight to this scanner at once
 * @param maxQueueWait        bulkhead: how long a scan waits for a free slot before it fails
 * @param failureRatePercent  circuit breaker: failure rate (UNAVAILABLE, DEADLINE_EXCEEDED,
 *                            RESOURCE_EXHAUSTED) at which the circuit opens
 * @param minimumCalls        circuit breaker: calls needed before the rate is computed
 * @param windowSize          circuit breaker: calls in the count-based sliding window
 * @param openDuration        circuit breaker: how long the circuit stays open before probing
 * @param retryAttempts       retry: attempts in all (1 = no retry), only on UNAVAILABLE before
 *                            the scanner sent anything
 * @param retryWait           retry: pause between attempts
 */
public record ResiliencePolicy(int maxConcurrentScans, Duration maxQueueWait, float failureRatePercent,
    int minimumCalls, int windowSize, Duration openDuration, int retryAttempts, Duration retryWait) {

  public ResiliencePolicy {
    if (maxConcurrentScans < 1 || minimumCalls < 1 || windowSize < 1 || retryAttempts < 1) {
      throw new IllegalArgumentException("resilience counts must be at least 1");
    }
    if (failureRatePercent <= 0 || failureRatePercent > 100) {
      throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
    }
  }

  public static ResiliencePolicy defaults() {
    return new ResiliencePolicy(16, Duration.ofSeconds(30), 50, 5, 10, Duration.ofSeconds(30), 3,
        Duration.ofMillis(500));
  }
}
