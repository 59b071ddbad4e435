package dev.bulwark.server.auth.token;

import dev.bulwark.common.cas.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The API token format, {@code bwk_<id>_<secret>}: a public id of 16 hex digits (to find the
 * row) and 256 random bits of secret (base64url). Only SHA-256(salt ‖ secret) is stored: with
 * that much entropy a fast hash cannot be brute-forced, and the comparison is constant-time.
 */
public final class TokenSecrets {
  public static final String PREFIX = "bwk_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  /** A token split into its parts. */
  public record Parsed(String id, String secret) {}

  /** A new token and what to store of it. */
  public record Minted(String token, String id, String salt, String hash) {}

  private TokenSecrets() {}

  public static Minted mint() {
    String id = HEX.formatHex(random(8));
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    String salt = HEX.formatHex(random(16));
    return new Minted(PREFIX + id + "_" + secret, id, salt, hash(salt, secret));
  }

  /** Empty for anything not shaped like a Bulwark token. */
  public static Optional<Parsed> parse(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() < PREFIX.length() + 18) {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + 16);
    if (!id.matches("[0-9a-f]{16}") || token.charAt(PREFIX.length() + 16) != '_') {
      return Optional.empty();
    }
    return Optional.of(new Parsed(id, token.substring(PREFIX.length() + 17)));
  }

  public static String hash(String saltHex, String secret) {
    return Digests.sha256Hex((saltHex + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time: whether {@code secret} is the one {@code token} was minted with. */
  public static boolean matches(ApiToken token, String secret) {
    return MessageDigest.isEqual(HEX.parseHex(token.hash()), HEX.parseHex(hash(token.salt(), secret)));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
