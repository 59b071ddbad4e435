package dev.bulwark.sast.secrets.verify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How scanner-sast may ask providers whether a found credential works (opt-in, off by default).
 *
 * @param enabled           false: no provider is ever called, whatever a scan asks (air-gapped
 *                          installations); true: only scans that ask ({@code bulwark scan --verify-secrets})
 * @param timeout           connect and answer time allowed for one request; there are no retries
 * @param requestsPerSecond the most requests this scanner sends, over all scans
 * @param maxPerScan        the most credentials one scan verifies; the rest say "not verified"
 * @param endpoints         base URL per probe (e.g. "github" → "https://ghe.example/api/v3"), replacing
 *                          the public default; a probe mapped to "off" is never called
 */
public record VerificationSettings(boolean enabled, Duration timeout, double requestsPerSecond, int maxPerScan,
    Map<String, String> endpoints) {
  public static final VerificationSettings OFF = new VerificationSettings(false, Duration.ofSeconds(5), 2, 50, Map.of());

  public VerificationSettings {
    endpoints = Map.copyOf(endpoints);
    if (timeout.isNegative() || timeout.isZero() || requestsPerSecond <= 0 || maxPerScan < 0) {
      throw new IllegalArgumentException("secret verification: timeout and requestsPerSecond must be positive,"
          + " maxPerScan not negative");
    }
  }

  /** The base URL for a probe: the configured one, else its public default; empty when turned off. */
  public Optional<URI> base(String probe, String publicDefault) {
    String configured = endpoints.getOrDefault(probe, publicDefault);
    if (configured == null || configured.isBlank() || configured.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    return Optional.of(URI.create(configured.endsWith("/") ? configured.substring(0, configured.length() - 1)
        : configured));
  }
}
