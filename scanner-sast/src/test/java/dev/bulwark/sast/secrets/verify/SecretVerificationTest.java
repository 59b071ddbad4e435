package dev.bulwark.sast.secrets.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.SecretsAnalyzer;
import dev.bulwark.sast.secrets.precision.Checksums;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Liveness verification against loopback fake providers: live, revoked, unreachable, slow, rate-limited. */
class SecretVerificationTest {
  // Built at run time (valid checksums, no complete token in the source).
  static final String LIVE = token("Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9");
  static final String REVOKED = token("Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1");
  static final String AWS_KEY_ID = "AKIA" + "Q3RZ7HVW2XKPL5MN";
  static final String AWS_SECRET = "hk5rlkKeyzZsggCFDWHs" + "jCTJbryqzvr5ou11tf0b";
  static final SecretsAnalyzer ANALYZER = SecretsAnalyzer.builtIn();

  private FakeProviders providers;

  static String token(String random30) {
    return "ghp_" + random30 + Checksums.base62Crc32(random30);
  }

  @BeforeEach
  void start() throws Exception {
    providers = new FakeProviders(Map.of(LIVE, "octocat", "xoxb-7394051826-4829163057218-" + "Abc9Def8Ghi7Jkl6Mno5Pqr4", "ops-bot"),
        Map.of(AWS_KEY_ID, AWS_SECRET));
  }

  @AfterEach
  void stop() {
    providers.close();
  }

  private SecretVerification verification(Map<String, String> endpoints, Duration timeout, int maxPerScan) {
    return new SecretVerification(new VerificationSettings(true, timeout, 50, maxPerScan, endpoints),
        Clock.fixed(FakeProviders.fixedTime(), ZoneOffset.UTC));
  }

  private static List<Finding> scan(VerificationSession session, String path, String text) {
    var out = new ArrayList<Finding>();
    ANALYZER.matches(SourceFile.of(path, text), session, m -> out.add(m.finding()));
    return out;
  }

  @Test
  @DisplayName("a live GitHub token is CRITICAL and says when it was verified active, and as whom")
  void liveTokenIsCritical() {
    var session = verification(Map.of("github", providers.base("github")), Duration.ofSeconds(5), 50).session().orElseThrow();

    var found = scan(session, "app.env", "GITHUB_TOKEN=" + LIVE + "\n");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getRuleId()).isEqualTo("secret.github-pat");
      assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_HIGH);
      assertThat(f.getTitle()).endsWith("(verified active)");
      assertThat(f.getDescription()).contains("Verified active at 2026-03-01T09:30:00Z").contains("as octocat")
          .doesNotContain(LIVE);
    });
    assertThat(providers.requests()).containsExactly("GET /github/user");
  }

  @Test
  @DisplayName("a revoked token keeps its severity and says the provider rejected it")
  void revokedTokenIsRejected() {
    var session = verification(Map.of("github", providers.base("github")), Duration.ofSeconds(5), 50).session().orElseThrow();

    var found = scan(session, "app.env", "GITHUB_TOKEN=" + REVOKED + "\n");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL); // the rule's own severity for a PAT
      assertThat(f.getTitle()).doesNotContain("verified active");
      assertThat(f.getDescription()).contains("rejected it (HTTP 401)").contains("probably revoked");
    });
  }

  @Test
  @DisplayName("an unreachable provider leaves the finding unverified and says why")
  void unreachableProvider() throws Exception {
    var session = verification(Map.of("github", FakeProviders.unreachable()), Duration.ofSeconds(2), 50).session().orElseThrow();

    var found = scan(session, "app.env", "GITHUB_TOKEN=" + LIVE + "\n");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getTitle()).doesNotContain("verified active");
      assertThat(f.getDescription()).contains("Liveness not verified: the provider did not answer").contains("not retried");
    });
  }

  @Test
  @DisplayName("a provider slower than the timeout is asked once, never retried")
  void timeoutIsNotRetried() {
    var session = verification(Map.of("github", providers.base("slow")), Duration.ofMillis(300), 50).session().orElseThrow();

    var found = scan(session, "app.env", "GITHUB_TOKEN=" + LIVE + "\n");

    assertThat(found.get(0).getDescription()).contains("Liveness not verified");
    assertThat(providers.requests()).containsExactly("GET /slow/user");
  }

  @Test
  @DisplayName("Slack answers 200 for both; its ok flag decides live or revoked")
  void slackOkFlag() {
    var session = verification(Map.of("slack", providers.base("slack")), Duration.ofSeconds(5), 50).session().orElseThrow();

    var found = scan(session, "bot.env", "LIVE_BOT=xoxb-7394051826-4829163057218-" + "Abc9Def8Ghi7Jkl6Mno5Pqr4\n"
        + "OLD_BOT=xoxb-7394051826-4829163057218-" + "Zyx9Wvu8Tsr7Qpo6Nml5Kji4\n");

    assertThat(found).hasSize(2);
    assertThat(found.get(0).getDescription()).contains("Verified active").contains("as ops-bot");
    assertThat(found.get(1).getDescription()).contains("rejected it");
    assertThat(providers.requests()).containsExactly("POST /slack/api/auth.test", "POST /slack/api/auth.test");
  }

  @Test
  @DisplayName("an AWS key id and its secret are verified together with a SigV4-signed GetCallerIdentity")
  void awsPairIsVerifiedWithSigV4() {
    var session = verification(Map.of("aws", providers.base("sts")), Duration.ofSeconds(5), 50).session().orElseThrow();

    var found = scan(session, "application.properties",
        "aws.accessKeyId=" + AWS_KEY_ID + "\naws.secretAccessKey=" + AWS_SECRET + "\n");

    assertThat(found).extracting(Finding::getRuleId)
        .containsExactly("secret.aws-access-key-id", "secret.aws-secret-access-key");
    assertThat(found).allSatisfy(f -> {
      assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.getDescription()).contains("Verified active").contains(FakeProviders.AWS_ACCOUNT_ARN);
    });
    assertThat(providers.requests()).as("the pair is asked about once").containsExactly("POST /sts/");
  }

  @Test
  @DisplayName("a wrong AWS secret fails the signature check and is reported as rejected")
  void wrongAwsSecretIsRejected() {
    var session = verification(Map.of("aws", providers.base("sts")), Duration.ofSeconds(5), 50).session().orElseThrow();

    var found = scan(session, "application.properties",
        "aws.accessKeyId=" + AWS_KEY_ID + "\naws.secretAccessKey=" + AWS_SECRET.replace('k', 'q') + "\n");

    assertThat(found).allSatisfy(f -> assertThat(f.getDescription()).contains("rejected it (HTTP 403)"));
  }

  @Test
  @DisplayName("a scan verifies at most maxPerScan credentials and each distinct one once")
  void budgetAndCache() {
    var session = verification(Map.of("github", providers.base("github")), Duration.ofSeconds(5), 1).session().orElseThrow();

    var found = scan(session, "app.env", "A=" + LIVE + "\nB=" + LIVE + "\nC=" + REVOKED + "\n");

    assertThat(found).hasSize(3);
    assertThat(found.get(0).getDescription()).contains("Verified active");
    assertThat(found.get(1).getDescription()).contains("Verified active");
    assertThat(found.get(2).getDescription()).contains("limit of 1 verifications was reached");
    assertThat(providers.requests()).hasSize(1);
  }

  @Test
  @DisplayName("a probe whose endpoint is configured \"off\" is never called, and nothing is when the setting is off")
  void offMeansNoCall() {
    var session = verification(Map.of("github", "off"), Duration.ofSeconds(5), 50).session().orElseThrow();
    assertThat(scan(session, "app.env", "T=" + LIVE + "\n").get(0).getDescription()).contains("turned off");

    assertThat(SecretVerification.off().session()).isEmpty();
    assertThat(providers.requests()).isEmpty();
  }
}
