package dev.bulwark.sast.secrets;

import dev.bulwark.sast.secrets.precision.Checksums;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the templates of rule samples, so that no real-looking secret is committed in the rule
 * files: {@code {{kind:N}}} is N random characters of an alphabet, and a few kinds build a whole
 * credential with a valid checksum or structure ({@code {{crc62:30}}}, {@code {{agekey}}},
 * {@code {{macaroon}}}, {@code {{jwt}}}, {@code {{base64jwt}}}). Random but seeded: the same seed
 * gives the same text on every run.
 */
public final class SampleText {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(\\w+)(?::(\\d+))?}}");
  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final Map<String, String> ALPHABETS = Map.ofEntries(
      Map.entry("alnum", UPPER + LOWER + DIGITS),
      Map.entry("upper", UPPER + DIGITS),
      Map.entry("lower", LOWER + DIGITS),
      Map.entry("letters", UPPER + LOWER),
      Map.entry("lowerletters", LOWER),
      Map.entry("b32u", UPPER + "234567"),
      Map.entry("lowerb32", LOWER + "234567"),
      Map.entry("b64", UPPER + LOWER + DIGITS + "+/"),
      Map.entry("urlsafe", UPPER + LOWER + DIGITS + "_-"),
      Map.entry("hex", "0123456789abcdef"),
      Map.entry("upperhex", "0123456789ABCDEF"),
      Map.entry("digits", DIGITS),
      Map.entry("age", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"));

  private SampleText() {}

  public static String expand(String template, long seed) {
    var random = new Random(seed);
    Matcher m = TEMPLATE.matcher(template);
    var sb = new StringBuilder();
    while (m.find()) {
      String kind = m.group(1);
      int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      String value = switch (kind) {
        case "crc62" -> crc62(random, n);
        case "agekey" -> ageKey(random);
        case "macaroon" -> macaroon(random);
        case "jwt" -> jwt(random);
        case "base64jwt" -> Base64.getEncoder().encodeToString(jwt(random).getBytes(StandardCharsets.US_ASCII));
        default -> {
          String alphabet = ALPHABETS.get(kind);
          if (alphabet == null) {
            throw new IllegalArgumentException("unknown sample kind " + kind + " in " + template);
          }
          yield random(random, alphabet, n);
        }
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  public static String random(Random random, String alphabet, int n) {
    var s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** N random base62 characters followed by their six-digit base62 CRC32 (GitHub and npm tokens). */
  static String crc62(Random random, int n) {
    String body = random(random, ALPHABETS.get("alnum"), n);
    return body + Checksums.base62Crc32(body);
  }

  /** A whole age secret key with a valid bech32 checksum. */
  static String ageKey(Random random) {
    String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    String hrp = "age-secret-key-";
    int[] data = new int[52];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(32);
    }
    int[] values = new int[hrp.length() * 2 + 1 + data.length + 6];
    int k = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c >> 5;
    }
    values[k++] = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c & 31;
    }
    for (int d : data) {
      values[k++] = d;
    }
    int mod = Checksums.polymod(values) ^ 1;
    var sb = new StringBuilder(hrp + "1");
    for (int d : data) {
      sb.append(charset.charAt(d));
    }
    for (int i = 0; i < 6; i++) {
      sb.append(charset.charAt((mod >> 5 * (5 - i)) & 31));
    }
    return sb.toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** The base64url body of a PyPI token: a macaroon v2 for pypi.org with an identifier, one caveat and a signature. */
  static String macaroon(Random random) {
    var out = new ByteArrayOutputStream();
    out.write(2);
    field(out, 1, "pypi.org".getBytes(StandardCharsets.US_ASCII));
    field(out, 2, randomBytes(random, 32));
    out.write(0);
    field(out, 2, ("{\"version\": 1, \"permissions\": \"user\"}").getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.write(0);
    field(out, 6, randomBytes(random, 32));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, int type, byte[] data) {
    out.write(type);
    out.write(data.length); // lengths below 128 are one LEB128 byte
    out.writeBytes(data);
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** A JWT with a real header and payload and a random signature. */
  static String jwt(Random random) {
    var enc = Base64.getUrlEncoder().withoutPadding();
    String header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
    String payload = enc.encodeToString(("{\"sub\":\"" + random(random, DIGITS, 10) + "\",\"name\":\"svc-"
        + random(random, LOWER, 8) + "\",\"iat\":1716239022}").getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + enc.encodeToString(randomBytes(random, 32));
  }
}
