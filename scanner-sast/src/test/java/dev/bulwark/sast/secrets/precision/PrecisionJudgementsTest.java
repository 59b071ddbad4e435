package dev.bulwark.sast.secrets.precision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared precision judgements, each on the values it exists for and on real secrets it must let through. */
class PrecisionJudgementsTest {
  // Random-looking values made for this test; none is a real credential.
  static final String RANDOM_32 = "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB";

  @Test
  @DisplayName("blockchain addresses, UUIDs under id names, hashes under hash names and integrity fields are not secrets")
  void publicShapes() {
    assertThat(NotSecrets.why("0x71C7656EC7ab88b098defB751B7401B5f6d8976F", "contractAddress")).hasValue("an Ethereum address (public)");
    assertThat(NotSecrets.why("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "wallet")).hasValue("a Bitcoin address (public)");
    assertThat(NotSecrets.why("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "wallet")).hasValue("a Bitcoin address (public)");
    assertThat(NotSecrets.why("73082700-1f09-405b-80d0-3131bfd6272d", "clientId")).isPresent();
    assertThat(NotSecrets.why("dafa7817-e246-48f3-91a7-e87653d587b8", "api_token")).isEmpty();
    assertThat(NotSecrets.why("3f2c9a1e7b4d6058a1c2e3f4a5b6c7d8e9f0a1b2", "build.sha")).isPresent();
    assertThat(NotSecrets.why("6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde", "client_secret")).isEmpty();
    assertThat(NotSecrets.why("sha512-z3e0CSrwT1dcq+ufnrEdCCqp2mFEu03wB1H6Z1SgtlHk2ziVbyxfrXMG2hvEiNZZvgO9xWtLVK+OYUbvu32sYw==", "integrity"))
        .hasValue("an integrity hash");
    assertThat(NotSecrets.why("sha256=UjbMlCZUBJUqAgKPWbyZEiaeDmBenYRLkDv3XnQONsI,1896", "key-description.rst")).isPresent();
  }

  @Test
  @DisplayName("names that say what the value is (ids, URLs, lengths, public keys) and code-shaped values are not secrets")
  void namesAndCode() {
    assertThat(NotSecrets.why("e8e4df51-2054-49b0-ab1c-516ac95c691d", "report_access_id")).isPresent();
    assertThat(NotSecrets.why("9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit", "public_key")).isPresent();
    assertThat(NotSecrets.why("XSalsa20.key_length", "key_length")).isPresent();
    assertThat(NotSecrets.why("arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret2-a1b2c3", "ARN")).isPresent();
    assertThat(NotSecrets.why("s3_disable_express_session_auth", "auth")).isPresent();
    assertThat(NotSecrets.why("OpenAPIV31SchemaValidator", "api")).isPresent();
    assertThat(NotSecrets.why("https://github.com/login/oauth/access_token", "access_token_url")).isPresent();
    assertThat(NotSecrets.why(RANDOM_32, "generic_api_token")).isEmpty();
  }

  @Test
  @DisplayName("base64 of a weak or placeholder password is not a secret; base64 of real credentials is")
  void base64Values() {
    assertThat(NotSecrets.why("dGVzdHBhc3N3b3JkMTIz", "password")).hasValue("base64 of a weak or placeholder value"); // testpassword123
    assertThat(NotSecrets.why("YWRtaW46YWRtaW4xMjM=", "auth")).isPresent(); // admin:admin123
    assertThat(NotSecrets.why("am9obmRvZTpkMDY5NGIxYi1jMTcxLTQ4ODYt+TMyYS0wMmUwOWQ1/mIwNjc=", "user_auth")).isEmpty();
  }

  @Test
  @DisplayName("placeholders, references, repeated characters, sequences and truncated examples are not secrets")
  void placeholders() {
    assertThat(List.of("changeme", "${DB_PASSWORD}", "<your-token>", "{{ .Values.pw }}", "xxxxxxxx",
        "AKIAIOSFODNN7EXAMPLE", "%(pw)s", "$SECRET", "process.env.TOKEN", "aaaaaaaaaaaa", "abcd1234efgh5678",
        "eyJhbGciOiJIUzI1NiJ9...", "%API_KEY%", "@token@")).allMatch(Placeholders::isPlaceholder);
    assertThat(Placeholders.why("ababababababab")).hasValue("repeated characters");
    assertThat(List.of("Sh0pAdm1n!2024", RANDOM_32)).noneMatch(Placeholders::isPlaceholder);
  }

  @Test
  @DisplayName("entropy is judged against a random string of the value's own length and alphabet")
  void entropyPerAlphabet() {
    assertThat(Entropy.Alphabet.of("0123")).isEqualTo(Entropy.Alphabet.DIGITS);
    assertThat(Entropy.Alphabet.of("deadbeef")).isEqualTo(Entropy.Alphabet.HEX);
    assertThat(Entropy.Alphabet.of("JBSWY3DPEHPK3PXP")).isEqualTo(Entropy.Alphabet.BASE32);
    assertThat(Entropy.Alphabet.of(RANDOM_32)).isEqualTo(Entropy.Alphabet.ALPHANUMERIC);
    assertThat(Entropy.Alphabet.of("a+b/c=")).isEqualTo(Entropy.Alphabet.BASE64);
    assertThat(Entropy.Alphabet.of("p@ss!")).isEqualTo(Entropy.Alphabet.PRINTABLE);
    // 32 random hex digits score about 3.5 bits: a fixed 4.0 threshold would drop every one of them
    assertThat(Entropy.expected(32, 16)).isBetween(3.4, 3.8);
    assertThat(Entropy.expected(32, 62)).isBetween(4.3, 4.7);
    assertThat(Entropy.randomness("6da89121079f83b2eb6acccf8219ea98")).isGreaterThan(0.9);
    assertThat(Entropy.randomness(RANDOM_32)).isGreaterThan(0.9);
    assertThat(Entropy.randomness("aaaaaaaaaaaaaaaab")).isLessThan(0.3);
  }

  @Test
  @DisplayName("checksums: GitHub/npm CRC32, age bech32, PyPI macaroon structure and JWT headers")
  void checksums() {
    String random = "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9";
    assertThat(Checksums.valid("crc32-base62", "ghp_" + random + Checksums.base62Crc32(random))).isTrue();
    assertThat(Checksums.valid("crc32-base62", "ghp_" + random + "000000")).isFalse();
    assertThat(Checksums.valid("jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.sig")).isTrue();
    assertThat(Checksums.valid("jwt", "eyJub3RoaW5nIjoxfQ.eyJzdWIiOiIxIn0.sig")).isFalse();
    assertThat(Checksums.valid("macaroon", "pypi-AgEIcHlwaS5vcmc" + "A".repeat(60))).isFalse();
    assertThat(Checksums.valid("bech32", "AGE-SECRET-KEY-1" + "Q".repeat(58))).isFalse();
  }

  @Test
  @DisplayName("test, fixture and example paths are recognised; production paths are not")
  void paths() {
    assertThat(PathKind.of("test/api/loginSpec.ts")).hasValue("a test file");
    assertThat(PathKind.of("src/__tests__/auth.test.js")).hasValue("a test file");
    assertThat(PathKind.of("pkg/auth/token_test.go")).hasValue("a test file");
    assertThat(PathKind.of("spec/fixtures/users.yml")).isPresent();
    assertThat(PathKind.of("src/test/java/com/acme/LoginTest.java")).hasValue("a test file");
    assertThat(PathKind.of(".env.example")).hasValue("an example");
    assertThat(PathKind.of("examples/quickstart/config.py")).hasValue("an example");
    assertThat(PathKind.of("src/main/resources/application.properties")).isEmpty();
    assertThat(PathKind.of("lib/contest/runner.js")).isEmpty();
  }
}
