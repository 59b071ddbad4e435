package dev.bulwark.container.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits "Key: value" paragraph files (dpkg status, apk's "K:value" installed database) into
 * field maps. Continuation lines (starting with white space) are dropped: no field we read uses them.
 */
final class ControlFileParagraphs {
  private ControlFileParagraphs() {}

  static List<Map<String, String>> parse(byte[] content, char separator) {
    var out = new ArrayList<Map<String, String>>();
    var current = new LinkedHashMap<String, String>();
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new LinkedHashMap<>();
        }
        continue;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        continue;
      }
      int sep = line.indexOf(separator);
      if (sep > 0) {
        current.putIfAbsent(line.substring(0, sep).strip(), line.substring(sep + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
