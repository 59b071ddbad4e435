package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [[package]]} array shared by Cargo.lock, poetry.lock and uv.lock, with the line of
 * each entry's {@code name = "..."} (entries are located in file order).
 */
final class TomlPackageTable {
  /** One {@code [[package]]} table and the 1-based line of its name. */
  record Entry(JsonNode node, String name, String version, int line) {}

  private TomlPackageTable() {}

  static List<Entry> read(String text) throws IOException {
    JsonNode root = Texts.toml(text);
    var lines = new LineLocator(text);
    var out = new ArrayList<Entry>();
    int cursor = 0;
    for (JsonNode pkg : root.path("package")) {
      String name = Texts.str(pkg, "name");
      int header = lines.findAfter("[[package]]", cursor);
      int line = lines.findAfter("\"" + name + "\"", header > 0 ? header - 1 : cursor);
      if (line > 0) {
        cursor = line;
      }
      out.add(new Entry(pkg, name, Texts.str(pkg, "version"), line));
    }
    return out;
  }

  /** First word of each dependency entry: plain names ("serde") or v1 strings ("serde 1.0 (registry+...)"). */
  static List<String> dependencyNames(JsonNode deps) {
    var out = new ArrayList<String>();
    for (JsonNode d : deps) {
      String s = d.isObject() ? Texts.str(d, "name") : d.asText();
      int space = s.indexOf(' ');
      out.add(space < 0 ? s : s.substring(0, space));
    }
    return out;
  }
}
