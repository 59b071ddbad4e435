package dev.bulwark.common.path;

import java.util.regex.Pattern;

/**
 * Globs over '/'-separated relative paths, as gitignore writes them: {@code *} and {@code ?} stay
 * within one path segment, {@code **} spans directories ({@code dir/**}, {@code **}{@code /x},
 * {@code a/**}{@code /b}), {@code [a-z]} and {@code [!a-z]} are character classes, and a backslash
 * quotes the next character. Used for ignore files, suppressions and policy paths alike.
 */
public final class Glob {
  private Glob() {}

  /** The whole path must match the glob. */
  public static Pattern compile(String glob) {
    return Pattern.compile(toRegex(glob));
  }

  /** The glob as a regular expression (no anchors), for callers that combine it with more. */
  public static String toRegex(String glob) {
    var re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          boolean doubleStar = i + 1 < n && glob.charAt(i + 1) == '*';
          boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
          if (doubleStar && atSegmentStart && i + 2 == n) {
            re.append(".*"); // "dir/**": everything inside
            i++;
          } else if (doubleStar && atSegmentStart && glob.charAt(i + 2) == '/') {
            re.append("(?:.*/)?"); // "**/x", "a/**/b": zero or more directories
            i += 2;
          } else {
            re.append("[^/]*");
            while (i + 1 < n && glob.charAt(i + 1) == '*') {
              i++;
            }
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = charClass(glob, i, re);
        case '\\' -> {
          if (i + 1 < n) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  /** Appends {@code [...]} starting at {@code open}; returns the index of its ']'. */
  private static int charClass(String glob, int open, StringBuilder re) {
    int i = open + 1;
    boolean negate = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
    if (negate) {
      i++;
    }
    int first = i;
    int close = -1;
    for (int j = first; j < glob.length(); j++) {
      if (glob.charAt(j) == ']' && j > first) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      re.append("\\[");
      return open;
    }
    var cls = new StringBuilder(negate ? "[^/" : "[");
    for (int j = first; j < close; j++) {
      char c = glob.charAt(j);
      if (c == '\\' && j + 1 < close) {
        c = glob.charAt(++j);
        cls.append('\\').append(c);
      } else if (c == '-' && j > first && j + 1 < close) {
        cls.append('-');
      } else if (Character.isLetterOrDigit(c)) {
        cls.append(c);
      } else {
        cls.append('\\').append(c);
      }
    }
    re.append(cls).append(']');
    return close;
  }
}
