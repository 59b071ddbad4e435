package dev.bulwark.advisories.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** osv-scanner's public ordering vectors (version/osv-semantic/SOURCES.md): zero disagreements. */
class ReferenceVectorsTest {
  /** File → the OSV ecosystem whose order it tests. */
  static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("maven-versions.txt", "Maven"), Map.entry("maven-versions-extra.txt", "Maven"),
      Map.entry("cran-versions.txt", "CRAN"), Map.entry("cran-versions-generated.txt", "CRAN"),
      Map.entry("hackage-versions.txt", "Hackage"), Map.entry("pub-versions.txt", "Pub"),
      Map.entry("redhat-versions.txt", "Red Hat"), Map.entry("alpine-versions.txt", "Alpine"),
      Map.entry("rubygems-versions-extra.txt", "RubyGems"));

  static Stream<String> files() {
    return FILES.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("every vector of the reference file holds, in both directions")
  void everyVectorHolds(String file) throws IOException {
    VersionOrder order = VersionOrders.forEcosystem(FILES.get(file));
    var disagreements = new ArrayList<String>();
    int checked = 0;
    List<String> lines;
    try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("/version/osv-semantic/" + file)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
        continue;
      }
      String[] p = line.split(" ");
      int expected = switch (p[1]) {
        case "<" -> -1;
        case ">" -> 1;
        default -> 0;
      };
      checked++;
      try {
        if (order.compare(p[0], p[2]) != expected || order.compare(p[2], p[0]) != -expected) {
          disagreements.add((i + 1) + ": " + line + " (got " + order.compare(p[0], p[2]) + ")");
        }
      } catch (IllegalArgumentException e) {
        disagreements.add((i + 1) + ": " + line + " (" + e.getMessage() + ")");
      }
    }
    assertThat(checked).isPositive();
    assertThat(disagreements).as(file).isEmpty();
  }
}
