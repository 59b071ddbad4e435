package dev.bulwark.sast.secrets.precision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values that stand for a secret without being one: examples from documentation, placeholders,
 * references to a secret kept elsewhere ({@code ${DB_PASSWORD}}, {@code <token>}, {@code {{ .pw }}}),
 * masked values and runs of one character. Each check says why it applied.
 */
public final class Placeholders {
  private static final List<String> WORDS = List.of("changeme", "change_me", "change-me", "changeit", "example",
      "placeholder", "dummy", "redacted", "your_", "your-", "yourpass", "yourkey", "yourtoken", "insert",
      "xxxx", "****", "....", "notreal", "not_real", "not-real", "fake", "secretkeyref", "process.env",
      "os.environ", "getenv", "env(", "lookup(", "vault:", "replace_me", "replaceme", "todo", "fixme", "sample");
  private static final Pattern REFERENCE = Pattern.compile(
      "\\$\\{[^}]*}?|\\$\\([^)]*\\)?|\\{\\{.*}}|<[^>]*>|%\\([^)]*\\)s|^\\$[A-Za-z_]\\w*$|^%[A-Za-z_]+%$"
          + "|^@[A-Za-z_]+@$|^\\{\\d{0,2}}$|^%[-+# 0]?[sdvqxX]$");
  private static final Pattern SEQUENCE = Pattern.compile(
      "(?i)^(?:0123456789|123456789|abcdef|qwerty|abcdefghij|1234567890|asdf|zxcv).*"
          + "|.*(?:abcd1234|1234abcd|a1b2c3d4|a1b2c3|1a2b3c|abcdefgh|01234567|12345678|0123456789abcdef).*");
  /** A value cut short in documentation: "eyJhbGciOi..." or "sk_live_…". */
  private static final Pattern TRUNCATED = Pattern.compile("(?:\\.\\.\\.|…)$");
  private static final List<String> EXACT = List.of("password", "secret", "token", "null", "none", "nil", "true",
      "false", "undefined", "empty", "test", "testing", "admin", "pass", "passwd", "string", "default");

  private Placeholders() {}

  /** Why the value is a placeholder or a reference rather than a real secret, or empty. */
  public static Optional<String> why(String value) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (v.isEmpty() || EXACT.contains(lower)) {
      return Optional.of("a placeholder word");
    }
    if (REFERENCE.matcher(v).find()) {
      return Optional.of("a reference to a secret kept elsewhere");
    }
    if (repeats(v)) {
      return Optional.of("repeated characters");
    }
    if (SEQUENCE.matcher(v).matches()) {
      return Optional.of("a keyboard or alphabet sequence");
    }
    if (TRUNCATED.matcher(v).find()) {
      return Optional.of("a value cut short (\"...\"), as documentation shows one");
    }
    for (String w : WORDS) {
      if (lower.contains(w)) {
        return Optional.of("an example or placeholder (\"" + w + "\")");
      }
    }
    return Optional.empty();
  }

  /** True when the value is a placeholder or a reference rather than a real secret. */
  public static boolean isPlaceholder(String value) {
    return why(value).isPresent();
  }

  /** One character over and over, or at most three distinct characters in a long value. */
  static boolean repeats(String v) {
    long distinct = v.chars().distinct().count();
    return distinct == 1 || (v.length() >= 8 && distinct <= 3);
  }
}
