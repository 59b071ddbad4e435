package dev.bulwark.sast.core;

import java.util.List;

/**
 * One text file of the scanned tree, as analyzers see it.
 *
 * @param path relative path with '/' separators
 * @param text the whole file as UTF-8 text
 */
public record SourceFile(String path, String text, List<String> lines) {

  public static SourceFile of(String path, String text) {
    return new SourceFile(path, text, lines(text));
  }

  /** The text's lines without their terminators (LF or CRLF), as {@code split("\\r?\\n", -1)} gives them. */
  private static List<String> lines(String text) {
    var lines = new java.util.ArrayList<String>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
      lines.add(text.substring(start, end));
      start = i + 1;
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** Lines {@code start..end} (1-based, inclusive), stripped and joined with newlines. */
  public String snippet(int start, int end) {
    if (start < 1 || start > lines.size()) {
      return "";
    }
    int last = Math.min(Math.max(end, start), Math.min(lines.size(), start + 4));
    var sb = new StringBuilder();
    for (int i = start; i <= last; i++) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(lines.get(i - 1).strip());
    }
    return sb.length() > 400 ? sb.substring(0, 400) + "…" : sb.toString();
  }

  /** 1-based line of a character offset. */
  public int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The file's extension in lower case, without dot ("" when none). */
  public String extension() {
    return extensionOf(path);
  }

  public static String extensionOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
