package dev.bulwark.sca.inventory;

import java.util.Arrays;

/**
 * Finds the 1-based line of a piece of text (a JSON key, a YAML key, a TOML {@code name = "x"})
 * in a manifest, for formats whose tree parser does not keep positions. Searches are plain
 * substring searches, optionally starting after a given line so that entries listed in file
 * order can be located one after another.
 */
final class LineLocator {
  private final String text;
  private final int[] lineStarts;

  LineLocator(String text) {
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** Line of the first occurrence of {@code needle}, 0 when absent. */
  int find(String needle) {
    return findAfter(needle, 0);
  }

  /** Line of the first occurrence of {@code needle} on a line after {@code line}, 0 when absent. */
  int findAfter(String needle, int line) {
    int from = line <= 0 ? 0 : line >= lineStarts.length ? text.length() : lineStarts[line];
    int at = text.indexOf(needle, from);
    return at < 0 ? 0 : lineAt(at);
  }

  /**
   * Line of a JSON object key ({@code "key": {}) after {@code line}: an object-valued key is
   * preferred over the same string used as a plain value or in a {@code requires} map.
   */
  int findJsonKey(String key, int line) {
    String quoted = "\"" + key + "\"";
    for (String needle : new String[] {quoted + ": {", quoted + ":{"}) {
      int found = findAfter(needle, line);
      if (found > 0) {
        return found;
      }
    }
    return findAfter(quoted, line);
  }

  /** 1-based line holding the character at {@code offset}. */
  int lineAt(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** The text of a 1-based line, without its line break. */
  String line(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    return text.substring(start, end).replace("\r", "");
  }

  int lineCount() {
    return lineStarts.length;
  }
}
