package dev.bulwark.sast;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.sast.secrets.verify.VerificationSettings;
import io.dropwizard.util.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code secretVerification} block of scanner-sast's YAML (see {@link VerificationSettings}).
 * Off by default: an installation turns it on to let scans that ask ({@code bulwark scan
 * --verify-secrets}) check found credentials with their providers; an air-gapped one leaves it off.
 */
public class SecretVerificationConfig {
  private boolean enabled;
  private Duration timeout = Duration.seconds(5);
  private double requestsPerSecond = 2;
  private int maxPerScan = 50;
  private Map<String, String> endpoints = new LinkedHashMap<>();

  public VerificationSettings settings() {
    return new VerificationSettings(enabled, java.time.Duration.ofMillis(timeout.toMilliseconds()),
        requestsPerSecond, maxPerScan, endpoints);
  }

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @JsonProperty
  public double getRequestsPerSecond() {
    return requestsPerSecond;
  }

  @JsonProperty
  public void setRequestsPerSecond(double requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
  }

  @JsonProperty
  public int getMaxPerScan() {
    return maxPerScan;
  }

  @JsonProperty
  public void setMaxPerScan(int maxPerScan) {
    this.maxPerScan = maxPerScan;
  }

  /** Base URL per probe ("github", "gitlab", "slack", "aws", ...); "off" turns one probe off. */
  @JsonProperty
  public Map<String, String> getEndpoints() {
    return endpoints;
  }

  @JsonProperty
  public void setEndpoints(Map<String, String> endpoints) {
    this.endpoints = endpoints == null ? new LinkedHashMap<>() : endpoints;
  }
}
