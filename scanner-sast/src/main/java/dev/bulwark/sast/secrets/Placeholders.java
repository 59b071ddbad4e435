package dev.bulwark.sast.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The allow-list every secret rule shares: values that are placeholders, examples or
 * references to a secret kept elsewhere ({@code ${DB_PASSWORD}}, {@code <token>}), not secrets.
 */
public final class Placeholders {
  private static final List<String> WORDS = List.of("changeme", "change_me", "change-me", "example",
      "placeholder", "dummy", "sample", "redacted", "your_", "your-", "yourpass", "insert", "xxxx",
      "****", "....", "todo", "fixme", "notreal", "fake", "secretkeyref", "process.env", "os.environ",
      "getenv", "env(", "lookup(", "vault:");
  private static final Pattern REFERENCE = Pattern.compile(
      "\\$\\{[^}]*}?|\\$\\([^)]*\\)?|\\{\\{.*}}|<[^>]*>|%\\([^)]*\\)s|^\\$[A-Za-z_]\\w*$|^%[A-Za-z_]+%$");
  private static final Pattern SAME_CHAR = Pattern.compile("^(.)\\1*$");
  private static final Pattern SEQUENCE = Pattern.compile("(?i)^(0123456789|123456789|abcdef|qwerty).*");
  private static final List<String> EXACT = List.of("password", "secret", "token", "null", "none", "true",
      "false", "undefined", "empty", "test", "testing", "admin", "pass", "passwd", "string");

  private Placeholders() {}

  /** True when the value is a placeholder or a reference rather than a real secret. */
  public static boolean isPlaceholder(String value) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (v.isEmpty() || EXACT.contains(lower) || SAME_CHAR.matcher(v).matches()
        || SEQUENCE.matcher(v).matches() || REFERENCE.matcher(v).find()) {
      return true;
    }
    for (String w : WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
