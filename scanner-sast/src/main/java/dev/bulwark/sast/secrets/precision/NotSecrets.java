package dev.bulwark.sast.secrets.precision;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values that have the shape of a secret but are public or are no credential at all: blockchain
 * addresses, identifiers, hashes and integrity fields, URLs, versions, code references, and base64
 * that decodes to a word. Used for the generic rules, which only have a name and a value to go on.
 */
public final class NotSecrets {
  private static final Pattern ETHEREUM = Pattern.compile("^0x[0-9a-fA-F]{40}$");
  private static final Pattern BASE58 = Pattern.compile("^[13][1-9A-HJ-NP-Za-km-z]{25,34}$");
  private static final Pattern SEGWIT = Pattern.compile("^(?i)(?:bc|tb)1[02-9ac-hj-np-z]{11,71}$");
  private static final Pattern UUID = Pattern.compile(
      "^(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern HEX_DIGEST = Pattern.compile("^(?i)(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$");
  private static final Pattern INTEGRITY = Pattern.compile(
      "^(?i)(?:sha1|sha224|sha256|sha384|sha512|md5)[-:=][A-Za-z0-9+/=_-]{16,}(?:,\\d+)?$");
  private static final Pattern SHORT_HEX = Pattern.compile("^(?i)[0-9a-f]{1,23}$");
  private static final Pattern ARN_OR_URN = Pattern.compile("^(?i)(?:arn|urn):[\\w.-]*:");
  private static final Pattern URL_OR_PATH = Pattern.compile("^(?i)(?:[a-z][a-z0-9+.-]*://[^@\\s]*$|file:|[.~]{0,2}/[\\w./-]*$|[a-z]:\\\\)");
  private static final Pattern VERSION = Pattern.compile("^v?\\d+(?:\\.\\d+)+(?:[-+.][\\w.]+)?$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z]+(?:[_.\\-/:][A-Za-z]+)*\\d{0,2}$");
  private static final Pattern REFERENCE = Pattern.compile("^[A-Za-z_$][\\w$]*(?:(?:\\.|::|->)[A-Za-z_$][\\w$-]*)+(?:\\(\\))?$");
  private static final Pattern HASH_NAME = Pattern.compile(
      "(?i)hash|sha\\d*|md5|digest|checksum|integrity|etag|commit|srcrev|revision|fingerprint|crc|nonce|salt|iv$|uuid|guid");
  /** Names under which even a UUID is a credential ("api_token", "client_secret"); "ChangeToken" is not one. */
  private static final Pattern STRONG_NAME = Pattern.compile(
      "(?i)passw|pwd|secret|private|(?:api|access|auth|bearer|client|session|refresh|app)[_.-]?(?:key|token)");
  /** Names that say what the value is, and it is not a credential (after gitleaks' generic allow-list). */
  private static final Pattern HARMLESS_NAME = Pattern.compile("(?i)(?:"
      + "access(?:ibility|or|ible)|access[_.-]?(?:id|level|mode|type|log)|random[_.-]?access|"
      + "api[_.-]?(?:id|name|version|url|uri|endpoint|host|base|path|level)|rapid|capital|author|"
      + "credentials?[_.-]?(?:id|name|type|file|path|provider|url)|withcredentials|"
      + "(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|schema|sequence|sort|partition|cache|map|dict|row|"
      + "api[_.-]?gateway|object|lookup|group|i18n|translation|cursor|storage|registry)[_.-]?key|"
      + "turkey|monkey|donkey|keying|keyword|"
      + "key[_.-]?(?:alias|board|code|frame|id|length|len|mesh|name|pair|press(?:ed)?|ring|selector|signature|"
      + "size|stone|store(?:type)?|word|up|down|left|right|type|usage|spec|format|path|file|vault[_.-]?(?:id|name)|"
      + "event|field|column|prefix|bits|algorithm|alg)|"
      + "key(?:store|tab|chain)[_.-]?(?:file|path|type)?|issuerkeyhash|"
      + "secret[_.-]?(?:length|name|size|ref|key[_.-]?ref|namespace|arn|version|id|path|manager|provider|store)|"
      + "usersecretsid|csrf[_.-]?token|xsrf|"
      + "(?:token|auth)[_.-]?(?:endpoint|ur[il]|type|name|length|expir\\w*|ttl|lifetime|header|prefix|field|"
      + "kind|count|index|position|pos|start|end|id)|"
      + "public[_.-]?token|(?:key|token|secret|password)[_.-]?file|password[_.-]?(?:policy|length|field|hint|"
      + "reset|strength|rules?|regex|pattern|label|prompt|placeholder|input|confirm(?:ation)?|min|max|expir\\w*)|"
      + "(?:min|max)[_.-]?password|token[_.-]?izer|tokens|next[_.-]?token|page[_.-]?token|continuation[_.-]?token"
      + "|pagination[_.-]?token|change[_.-]?token|idempotency|client[_.-]?request[_.-]?token)"
      + "|(?:id|ids|arn|name|names|url|uri|path|type|version|count|size|length|format|prefix|suffix|hash|digest)$");

  private NotSecrets() {}

  /**
   * Why a value assigned to {@code name} is not a secret, or empty. {@code name} may be empty when
   * the rule does not capture one.
   */
  public static Optional<String> why(String value, String name) {
    if (ETHEREUM.matcher(value).matches()) {
      return Optional.of("an Ethereum address (public)");
    }
    if ((BASE58.matcher(value).matches() && base58Check(value))
        || (SEGWIT.matcher(value).matches() && segwit(value))) {
      return Optional.of("a Bitcoin address (public)");
    }
    if (INTEGRITY.matcher(value).matches()) {
      return Optional.of("an integrity hash");
    }
    if (!name.isEmpty() && HARMLESS_NAME.matcher(name).find()) {
      return Optional.of("its name (" + name + ") says it is not a credential");
    }
    if (ARN_OR_URN.matcher(value).find()) {
      return Optional.of("a resource name (ARN or URN)");
    }
    if (SHORT_HEX.matcher(value).matches()) {
      return Optional.of("a short hexadecimal id");
    }
    if (UUID.matcher(value).matches() && !STRONG_NAME.matcher(name).find()) {
      return Optional.of("a UUID (an identifier)");
    }
    if (HEX_DIGEST.matcher(value).matches() && HASH_NAME.matcher(name).find()) {
      return Optional.of("a hash or digest");
    }
    if (URL_OR_PATH.matcher(value).find()) {
      return Optional.of("a URL or a path");
    }
    if (VERSION.matcher(value).matches()) {
      return Optional.of("a version number");
    }
    if (IDENTIFIER.matcher(value).matches() || Words.identifier(value)) {
      return Optional.of("an identifier or words, not a random value");
    }
    if (REFERENCE.matcher(value).matches()) {
      return Optional.of("a reference to a variable or property");
    }
    return base64OfAWord(value).map(w -> "base64 of a weak or placeholder value");
  }

  /** A value that base64-decodes to short printable text that is a word, a placeholder or a weak test value. */
  static Optional<String> base64OfAWord(String value) {
    if (value.length() < 8 || value.length() % 4 != 0 || !value.matches("[A-Za-z0-9+/]+={0,2}")) {
      return Optional.empty();
    }
    String text;
    try {
      text = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) || text.length() > 48) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    boolean weak = Placeholders.isPlaceholder(text) || lower.matches("[a-z ]+[0-9]{0,4}[!.?]?")
        || lower.matches(".*(?:test|passw|secret|admin|demo|user|guest|qwerty|letmein|welcome|example|sample).*");
    return weak ? Optional.of(text) : Optional.empty();
  }

  /** Base58Check: the last four bytes are the first four of SHA-256(SHA-256(payload)). */
  static boolean base58Check(String s) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    BigInteger n = BigInteger.ZERO;
    for (char c : s.toCharArray()) {
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
    }
    byte[] raw = n.toByteArray();
    if (raw.length > 25 && raw[0] == 0) {
      raw = Arrays.copyOfRange(raw, 1, raw.length);
    }
    byte[] full = new byte[25];
    if (raw.length > 25) {
      return false;
    }
    System.arraycopy(raw, 0, full, 25 - raw.length, raw.length);
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      byte[] check = sha.digest(sha.digest(Arrays.copyOf(full, 21)));
      return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(full, 21, 25));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A segwit address with a valid bech32 (BIP-173) or bech32m (BIP-350) checksum. */
  static boolean segwit(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    String hrp = lower.substring(0, sep);
    String data = lower.substring(sep + 1);
    int[] values = new int[hrp.length() * 2 + 1 + data.length()];
    int n = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c >> 5;
    }
    values[n++] = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c & 31;
    }
    for (char c : data.toCharArray()) {
      values[n++] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l".indexOf(c);
    }
    int chk = Checksums.polymod(values);
    return chk == 1 || chk == 0x2bc830a3;
  }
}
