package dev.bulwark.sast.secrets.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.sast.Analyzers;
import dev.bulwark.sast.SastEngine;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ScanTask.verify_secrets} flag over real gRPC: the scanner calls a provider only when
 * the scan asks and its own setting allows it.
 */
class ScanVerificationTest {
  @TempDir
  Path tmp;

  private ScannerHarness.Result scan(FakeProviders providers, boolean enabled, boolean asked) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree-" + enabled + asked));
    Files.writeString(tree.resolve("release.env"), "GITHUB_TOKEN=" + SecretVerificationTest.LIVE + "\n");
    var verification = new SecretVerification(new VerificationSettings(enabled, Duration.ofSeconds(5), 10, 50,
        Map.of("github", providers.base("github"))), Clock.systemUTC());
    try (var harness = new ScannerHarness(new SastEngine(Analyzers.secretsOnly(), SastEngine.DEFAULT_MAX_FILE_BYTES,
        verification), tmp.resolve("work-" + enabled + asked))) {
      return harness.scan(tree, task -> task.setVerifySecrets(asked));
    }
  }

  @Test
  @DisplayName("a scan that does not ask calls no provider, even on a scanner that allows verification")
  void notAskedNotCalled() throws Exception {
    try (var providers = new FakeProviders(Map.of(SecretVerificationTest.LIVE, "octocat"), Map.of())) {
      var result = scan(providers, true, false);

      assertThat(result.findings()).singleElement().satisfies(f ->
          assertThat(f.getDescription()).doesNotContain("Verified").doesNotContain("Liveness"));
      assertThat(providers.requests()).isEmpty();
      assertThat(result.summary().getMessage()).doesNotContain("verification");
    }
  }

  @Test
  @DisplayName("a scan that asks, on a scanner whose setting is off, calls no provider and says so")
  void settingOffNotCalled() throws Exception {
    try (var providers = new FakeProviders(Map.of(SecretVerificationTest.LIVE, "octocat"), Map.of())) {
      var result = scan(providers, false, true);

      assertThat(providers.requests()).isEmpty();
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.summary().getMessage()).contains("secretVerification.enabled").contains("no provider was called");
    }
  }

  @Test
  @DisplayName("a scan that asks, on a scanner that allows it, gets the live token as CRITICAL")
  void askedAndAllowed() throws Exception {
    try (var providers = new FakeProviders(Map.of(SecretVerificationTest.LIVE, "octocat"), Map.of())) {
      var result = scan(providers, true, true);

      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.getDescription()).contains("Verified active at");
      });
      assertThat(providers.requests()).containsExactly("GET /github/user");
      assertThat(result.summary().getMessage()).contains("secret verification: 1 request(s)");
    }
  }
}
