package dev.bulwark.gate.intel;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, double-quoted fields may hold commas, quotes ({@code ""}) and
 * line breaks. Shared by the KEV and EPSS parsers. Lines starting with {@code #} outside quotes
 * (EPSS's {@code #model_version} line) are comments.
 */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean lineStart = true;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
        continue;
      }
      if (lineStart && c == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        continue;
      }
      lineStart = false;
      switch (c) {
        case '"' -> quoted = true;
        case ',' -> {
          row.add(field.toString());
          field.setLength(0);
        }
        case '\r' -> { }
        case '\n' -> {
          row.add(field.toString());
          field.setLength(0);
          if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(row);
          }
          row = new ArrayList<>();
          lineStart = true;
        }
        default -> field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Index of a header column, or -1. */
  static int column(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
