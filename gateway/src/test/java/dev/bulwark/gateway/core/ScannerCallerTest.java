package dev.bulwark.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the scanner caller's circuit breaker")
class ScannerCallerTest {
  @Test
  void countsFailuresOnlyNeverSlowScans() {
    try (var caller = new ScannerCaller(new ScannerEndpoint("sast", "127.0.0.1:1", ResiliencePolicy.defaults()))) {
      var config = caller.breakerConfig();
      // Resilience4j's default (slow above 60 s, open at 100 % slow) opened the circuit of every
      // scanner of a busy cluster: a scan that takes minutes is not a scanner that fails.
      assertThat(config.getSlowCallDurationThreshold()).isGreaterThan(Duration.ofDays(1));
      assertThat(config.getFailureRateThreshold()).isEqualTo(50);
    }
  }
}
