package dev.bulwark.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.gateway.core.ResiliencePolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.dropwizard.util.Duration;

/** One scanner's block under {@code resilience:} in the gateway's YAML; defaults as in {@link ResiliencePolicy#defaults()}. */
public class ResilienceSettings {
  private static final ResiliencePolicy DEFAULTS = ResiliencePolicy.defaults();

  @Min(1)
  @JsonProperty
  public int maxConcurrentScans = DEFAULTS.maxConcurrentScans();
  @JsonProperty
  public Duration maxQueueWait = dw(DEFAULTS.maxQueueWait());
  @Min(1)
  @Max(100)
  @JsonProperty
  public float failureRatePercent = DEFAULTS.failureRatePercent();
  @Min(1)
  @JsonProperty
  public int minimumCalls = DEFAULTS.minimumCalls();
  @Min(1)
  @JsonProperty
  public int windowSize = DEFAULTS.windowSize();
  @JsonProperty
  public Duration openDuration = dw(DEFAULTS.openDuration());
  @Min(1)
  @JsonProperty
  public int retryAttempts = DEFAULTS.retryAttempts();
  @JsonProperty
  public Duration retryWait = dw(DEFAULTS.retryWait());

  public ResiliencePolicy toPolicy() {
    return new ResiliencePolicy(maxConcurrentScans, maxQueueWait.toJavaDuration(), failureRatePercent, minimumCalls,
        windowSize, openDuration.toJavaDuration(), retryAttempts, retryWait.toJavaDuration());
  }

  private static Duration dw(java.time.Duration d) {
    return Duration.milliseconds(d.toMillis());
  }
}
