package dev.bulwark.sca.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The committed POM repository and the Spring Boot sample (see src/test/resources/maven/SOURCES.md). */
final class MavenFixtures {
  private MavenFixtures() {}

  static Path central() {
    return Path.of("src/test/resources/maven/central").toAbsolutePath();
  }

  static Path petclinic() {
    return Path.of("src/test/resources/maven/spring-petclinic").toAbsolutePath();
  }

  static byte[] petclinicPom() {
    try {
      return Files.readAllBytes(petclinic().resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the real {@code mvn dependency:list} printed for the sample: "g:a:v:scope" → 1. */
  static Map<String, String> dependencyList() throws IOException {
    var out = new TreeMap<String, String>();
    for (String line : Files.readAllLines(petclinic().resolve("dependency-list.txt"))) {
      String[] p = line.strip().split(":");
      // g:a:type:v:scope or g:a:type:classifier:v:scope
      String version = p.length == 5 ? p[3] : p[4];
      out.put(p[0] + ":" + p[1], version + ":" + p[p.length - 1]);
    }
    return out;
  }

  /** Our resolution in the same shape. */
  static Map<String, String> asList(Resolution r) {
    return r.dependencies().stream().collect(Collectors.toMap(ResolvedDependency::name,
        d -> d.version() + ":" + d.scope(), (a, b) -> a, TreeMap::new));
  }
}
