package dev.bulwark.advisories.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sort key of a legacy (non PEP 440) Python version, as setuptools and packaging before 22
 * computed it: numbers zero-padded to 8 digits, words prefixed with '*', "pre"/"preview"/"rc"
 * read as "c", "dev" as "@", '-' as "final-", trailing zeros and "final-" markers dropped
 * before a pre-release word.
 */
final class LegacyKey {
  private static final Pattern COMPONENT = Pattern.compile("\\d+|[a-z]+|\\.|-");
  private static final Map<String, String> REPLACE =
      Map.of("pre", "c", "preview", "c", "-", "final-", "rc", "c", "dev", "@");

  private LegacyKey() {}

  static List<String> of(String version) {
    var parts = new ArrayList<String>();
    for (String raw : components(version.toLowerCase(Locale.ROOT))) {
      String part = REPLACE.getOrDefault(raw, raw);
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      String key = Character.isDigit(part.charAt(0)) ? zeroFill(part) : "*" + part;
      add(parts, key);
    }
    add(parts, "*final");
    return List.copyOf(parts);
  }

  private static void add(List<String> parts, String key) {
    if (key.startsWith("*")) {
      if (key.compareTo("*final") < 0) {
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
          parts.remove(parts.size() - 1);
        }
      }
      while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
        parts.remove(parts.size() - 1);
      }
    }
    parts.add(key);
  }

  /** Like Python's {@code re.split} with a capturing group: text between matches, and matches. */
  private static List<String> components(String s) {
    var out = new ArrayList<String>();
    var m = COMPONENT.matcher(s);
    int last = 0;
    while (m.find()) {
      out.add(s.substring(last, m.start()));
      out.add(m.group());
      last = m.end();
    }
    out.add(s.substring(last));
    return out;
  }

  private static String zeroFill(String digits) {
    return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
  }

  static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return Integer.signum(c);
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
