package dev.bulwark.sast.java;

import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;

/** The Java rules that need no data flow, as reported. */
final class JavaRuleInfo {
  private JavaRuleInfo() {}

  static RuleInfo rule(String id, String title, String description, Severity severity, int cwe,
      Confidence confidence, String remediation) {
    return new RuleInfo(id, title, description, severity, List.of(cwe), confidence, remediation);
  }

  static final RuleInfo WEAK_CIPHER = rule("java.crypto.weak-cipher", "Weak cipher or mode",
      "The cipher (DES, RC2, RC4, Blowfish) is broken or the mode (ECB, or \"AES\" alone which means ECB) leaks patterns of the plaintext.",
      Severity.MEDIUM, 327, Confidence.CONFIDENCE_HIGH, "Use AES/GCM/NoPadding (or ChaCha20-Poly1305) with a random nonce.");
  static final RuleInfo LEGACY_CIPHER = rule("java.crypto.triple-des", "Triple DES (inadequate strength)",
      "Triple DES is sound but too weak today: its 64-bit blocks make long sessions collide (Sweet32) and NIST disallows it for encryption since 2024.",
      Severity.MEDIUM, 326, Confidence.CONFIDENCE_HIGH, "Use AES/GCM/NoPadding (or ChaCha20-Poly1305) with a random nonce.");
  static final RuleInfo RSA_WITHOUT_OAEP = rule("java.crypto.rsa-without-oaep", "RSA without OAEP padding",
      "RSA with PKCS#1 v1.5 padding is open to padding-oracle attacks (Bleichenbacher); without padding it is deterministic and malleable.",
      Severity.MEDIUM, 780, Confidence.CONFIDENCE_HIGH, "Use RSA/ECB/OAEPWithSHA-256AndMGF1Padding.");
  static final RuleInfo WEAK_HASH = rule("java.crypto.weak-hash", "Weak hash algorithm",
      "MD2, MD4, MD5 and SHA-1 are broken: collisions can be computed.",
      Severity.MEDIUM, 328, Confidence.CONFIDENCE_HIGH, "Use SHA-256 or stronger; for passwords use bcrypt, scrypt or Argon2.");
  static final RuleInfo WEAK_RANDOM = rule("java.random.predictable", "Predictable random number generator",
      "java.util.Random and Math.random are predictable; values derived from them can be guessed.",
      Severity.MEDIUM, 330, Confidence.CONFIDENCE_MEDIUM, "Use java.security.SecureRandom for tokens, ids, keys and nonces.");
  static final RuleInfo COOKIE_NOT_SECURE = rule("java.cookie.insecure", "Cookie without the Secure flag",
      "The cookie is sent over plain HTTP too, where it can be read by anyone on the network.",
      Severity.MEDIUM, 614, Confidence.CONFIDENCE_HIGH, "Call cookie.setSecure(true) before adding it to the response.");
  static final RuleInfo COOKIE_NO_HTTPONLY = rule("java.cookie.no-httponly", "Cookie without the HttpOnly flag",
      "Scripts in the page can read the cookie, which makes session theft through XSS easier.",
      Severity.LOW, 1004, Confidence.CONFIDENCE_MEDIUM, "Call cookie.setHttpOnly(true).");
  static final RuleInfo XXE = rule("java.xxe.unsafe-parser", "XML parser open to external entities (XXE)",
      "The XML factory is used without disabling DOCTYPEs or external entities, so a document can read local files or reach internal hosts.",
      Severity.HIGH, 611, Confidence.CONFIDENCE_MEDIUM,
      "Set the feature http://apache.org/xml/features/disallow-doctype-decl to true (or disable external entities).");
  static final RuleInfo DESERIALIZATION = rule("java.deserialization.object-input-stream", "Deserialisation of untrusted data",
      "ObjectInputStream.readObject builds arbitrary objects; a crafted stream can run code through gadget chains.",
      Severity.HIGH, 502, Confidence.CONFIDENCE_MEDIUM, "Do not deserialise untrusted data; use JSON, or an ObjectInputFilter allow-list.");
  static final RuleInfo TRUST_ALL = rule("java.tls.trust-all", "TLS certificate or host name checks disabled",
      "A TrustManager that accepts every certificate or a HostnameVerifier that accepts every host lets anyone intercept the connection.",
      Severity.HIGH, 295, Confidence.CONFIDENCE_HIGH, "Use the platform's default TrustManager and HostnameVerifier.");
  static final RuleInfo HARD_CODED_PASSWORD = rule("java.credentials.hard-coded", "Hard-coded database password",
      "The password is written in the source, where everyone who can read the repository sees it.",
      Severity.HIGH, 798, Confidence.CONFIDENCE_HIGH, "Read the password from the environment or a secret store.");

  /**
   * A weak algorithm that is only the fallback of a setting the scanned tree does not hold
   * ({@code props.getProperty("hashAlg", "MD5")}): an insecure default (CWE-1188), not a known use
   * of the weak algorithm, since the deployed configuration decides.
   */
  static RuleInfo insecureDefault(RuleInfo weak, String algorithm) {
    return rule("java.crypto.insecure-default-algorithm", "Weak algorithm as the default of a setting",
        "The algorithm is read from configuration this scan does not see; when the setting is missing the code falls back to "
            + algorithm + " (" + weak.title().toLowerCase(Locale.ROOT) + ", CWE-" + weak.cwe().get(0) + ").",
        Severity.LOW, 1188, Confidence.CONFIDENCE_MEDIUM,
        "Make the fallback a strong algorithm, or fail when the setting is missing. " + weak.remediation());
  }
}
