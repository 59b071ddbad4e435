package dev.bulwark.advisories.version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code version/<Ecosystem>.txt}: lines "a OP b" with OP one of &lt; = &gt;, '#' comments. */
final class OrderingVectors {
  record Vector(String ecosystem, String a, int expected, String b, int line) {
    @Override
    public String toString() {
      return ecosystem + ":" + line + " " + a + " " + (expected < 0 ? "<" : expected == 0 ? "=" : ">") + " " + b;
    }
  }

  static final List<String> ECOSYSTEMS = List.of("Maven", "PyPI", "npm", "Go", "crates.io", "Hex", "Pub",
      "RubyGems", "NuGet", "Packagist", "Debian", "Ubuntu", "Alpine", "Red Hat");

  private OrderingVectors() {}

  static List<Vector> of(String ecosystem) {
    try (InputStream in = OrderingVectors.class.getResourceAsStream("/version/" + ecosystem + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("no vectors for " + ecosystem);
      }
      var out = new ArrayList<Vector>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split(" ");
        int op = switch (p[1]) {
          case "<" -> -1;
          case "=" -> 0;
          case ">" -> 1;
          default -> throw new IllegalStateException("bad operator in " + line);
        };
        out.add(new Vector(ecosystem, p[0], op, p[2], i + 1));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Vector> all() {
    var out = new ArrayList<Vector>();
    ECOSYSTEMS.forEach(e -> out.addAll(of(e)));
    return out;
  }

  static List<String> versions(String ecosystem) {
    Set<String> out = new LinkedHashSet<>();
    of(ecosystem).forEach(v -> {
      out.add(v.a());
      out.add(v.b());
    });
    return List.copyOf(out);
  }
}
