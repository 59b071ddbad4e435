package dev.bulwark.sast.secrets.precision;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Checks a credential's own checksum or binary structure, for the providers whose format has one.
 * A real credential always passes; a random string of the right shape (a made-up example, a test
 * value) almost never does. Sources: GitHub's token format announcement (2021-04-05) and npm's
 * (2021-09-23): CRC32 of the random part, base62, six digits; BIP-173 bech32 (age keys); the
 * macaroon v2 binary format (PyPI tokens); RFC 7519 (JWT headers).
 */
public final class Checksums {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final Map<String, Predicate<String>> CHECKS = Map.of(
      "crc32-base62", Checksums::crc32Base62,
      "bech32", Checksums::bech32,
      "macaroon", Checksums::macaroon,
      "jwt", Checksums::jwtHeader,
      "base64-jwt", Checksums::base64Jwt);

  private Checksums() {}

  public static boolean known(String name) {
    return CHECKS.containsKey(name);
  }

  /** True when the secret passes the named check. */
  public static boolean valid(String name, String secret) {
    return CHECKS.get(name).test(secret);
  }

  /** {@code prefix_} + 30 base62 characters + the CRC32 of those 30, in base62, six digits. */
  static boolean crc32Base62(String token) {
    int underscore = token.lastIndexOf('_');
    String body = token.substring(underscore + 1);
    if (body.length() != 36) {
      return false;
    }
    return base62Crc32(body.substring(0, 30)).equals(body.substring(30));
  }

  /** The six-digit base62 CRC32 of a text, as GitHub and npm append it to their tokens. */
  public static String base62Crc32(String random) {
    var crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    var sb = new StringBuilder();
    do {
      sb.append(BASE62.charAt((int) (value % 62)));
      value /= 62;
    } while (value > 0);
    while (sb.length() < 6) {
      sb.append('0');
    }
    return sb.reverse().toString();
  }

  /** A bech32 string (human-readable part, "1", data, six checksum characters), case-insensitive. */
  static boolean bech32(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep < 1 || s.length() - sep < 7) {
      return false;
    }
    String hrp = s.substring(0, sep);
    int[] values = new int[hrp.length() * 2 + 1 + s.length() - sep - 1];
    int n = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c >> 5;
    }
    values[n++] = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c & 31;
    }
    for (char c : s.substring(sep + 1).toCharArray()) {
      int v = BECH32.indexOf(c);
      if (v < 0) {
        return false;
      }
      values[n++] = v;
    }
    return polymod(values) == 1;
  }

  /** BIP-173's checksum function. */
  public static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        if ((top >>> i & 1) == 1) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /**
   * A macaroon in the v2 binary format, base64url after a {@code pypi-} style prefix: version 2,
   * then fields (type, length, bytes) up to an end-of-section marker, ending in a 32-byte signature.
   */
  static boolean macaroon(String token) {
    byte[] b;
    try {
      b = Base64.getUrlDecoder().decode(token.substring(token.indexOf('-') + 1).replace("=", ""));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (b.length < 40 || b[0] != 2) {
      return false;
    }
    int i = 1;
    int sections = 0;
    boolean signature = false;
    while (i < b.length) {
      int type = b[i++] & 0xff;
      if (type == 0) {
        sections++;
        continue;
      }
      if (type > 6 || i >= b.length) {
        return false;
      }
      int len = 0;
      int shift = 0;
      while (i < b.length && shift < 28) { // unsigned LEB128
        int x = b[i++] & 0xff;
        len |= (x & 0x7f) << shift;
        shift += 7;
        if ((x & 0x80) == 0) {
          break;
        }
      }
      if (len < 0 || i + len > b.length) {
        return false;
      }
      signature = type == 6 && len == 32 && i + len == b.length;
      i += len;
    }
    return signature && sections >= 2;
  }

  /** Base64 of a JWT (a JWT pasted into a base64 field, e.g. a Kubernetes Secret). */
  static boolean base64Jwt(String text) {
    try {
      String jwt = new String(Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/')),
          StandardCharsets.UTF_8);
      return jwtHeader(jwt.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A JWT whose header decodes to a JSON object naming its algorithm or type. */
  static boolean jwtHeader(String jwt) {
    int dot = jwt.indexOf('.');
    if (dot < 0) {
      return false;
    }
    try {
      String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, dot).replace("=", "")),
          StandardCharsets.UTF_8).strip();
      return header.startsWith("{") && header.endsWith("}") && (header.contains("\"alg\"") || header.contains("\"typ\""));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
