package dev.bulwark.sast.rules;

/**
 * Blanks comments and the contents of string literals (keeping quotes, offsets and newlines),
 * so that patterns match code only: {@code // eval(x)} and {@code "eval(x)"} no longer look like
 * calls. Interpolations of JavaScript template literals ({@code `${expr}`}) stay code.
 *
 * @param lineComment   "//" or "#"
 * @param blockComments whether slash-star comments exist
 * @param tripleQuotes  whether Python's triple-quoted strings exist
 * @param templates     whether backquotes are template literals with interpolation (JS) rather
 *                      than raw strings (Go)
 */
public record CodeMasker(String lineComment, boolean blockComments, boolean tripleQuotes, boolean templates) {

  public String mask(String text) {
    var out = new StringBuilder(text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (text.startsWith(lineComment, i)) {
        int end = text.indexOf('\n', i);
        end = end < 0 ? n : end;
        blank(out, i, end);
        i = end;
      } else if (blockComments && text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(out, i, end);
        i = end;
      } else if (tripleQuotes && (text.startsWith("\"\"\"", i) || text.startsWith("'''", i))) {
        String q = text.substring(i, i + 3);
        int end = text.indexOf(q, i + 3);
        end = end < 0 ? n : end;
        blank(out, i + 3, end);
        i = Math.min(n, end + 3);
      } else if (c == '"' || c == '\'' || c == '`') {
        i = string(text, out, i, c);
      } else {
        i++;
      }
    }
    return out.toString();
  }

  /** Masks one string literal starting at the quote; returns the index after its end. */
  private int string(String text, StringBuilder out, int start, char quote) {
    int n = text.length();
    boolean raw = quote == '`' && !templates;
    int i = start + 1;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\' && !raw) {
        blank(out, i, Math.min(n, i + 2));
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n' && quote != '`') {
        return i; // unterminated on this line
      } else if (quote == '`' && templates && text.startsWith("${", i)) {
        int depth = 0;
        int j = i + 2;
        for (; j < n; j++) {
          char d = text.charAt(j);
          if (d == '{') {
            depth++;
          } else if (d == '}' && depth-- == 0) {
            break;
          }
        }
        i = j + 1; // the interpolated expression stays code
      } else {
        if (c != '\n') {
          out.setCharAt(i, ' ');
        }
        i++;
      }
    }
    return n;
  }

  private static void blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to && i < out.length(); i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }
}
