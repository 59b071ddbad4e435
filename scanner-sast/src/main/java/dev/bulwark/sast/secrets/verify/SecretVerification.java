package dev.bulwark.sast.secrets.verify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Liveness verification for one scanner process: the settings, one HTTP client, and the request
 * rate shared by every scan. Each scan that asks gets its own {@link VerificationSession}.
 */
public final class SecretVerification {
  private final VerificationSettings settings;
  private final Map<String, Probe> probes = new LinkedHashMap<>();
  private final HttpClient http;
  private final Clock clock;
  private final Object rateLock = new Object();
  private long nextSlotNanos;

  public SecretVerification(VerificationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    Probe.builtIn().forEach(p -> probes.put(p.name(), p));
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Never calls anyone. */
  public static SecretVerification off() {
    return new SecretVerification(VerificationSettings.OFF, Clock.systemUTC());
  }

  public VerificationSettings settings() {
    return settings;
  }

  /**
   * A session for one scan, or empty when this scanner does not verify (the setting is off). The
   * scan only gets one when it asked ({@code ScanTask.verify_secrets}).
   */
  public Optional<VerificationSession> session() {
    return settings.enabled() ? Optional.of(new VerificationSession(this)) : Optional.empty();
  }

  Optional<Probe> probe(String name) {
    return Optional.ofNullable(probes.get(name));
  }

  HttpClient http() {
    return http;
  }

  Clock clock() {
    return clock;
  }

  /** Waits for the next request slot: at most {@code requestsPerSecond} over all scans. */
  void awaitSlot() throws InterruptedException {
    long wait;
    synchronized (rateLock) {
      long now = System.nanoTime();
      long interval = (long) (1_000_000_000L / settings.requestsPerSecond());
      long slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + interval;
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
