package dev.bulwark.gate.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListedMigrationsTest {
  @Test
  void listsExactlyTheScriptsOfTheMigrationFolderInVersionOrder() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", ListedMigrations.FOLDER))) {
      var onDisk = files.map(p -> p.getFileName().toString())
          .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
      assertThat(ListedMigrations.SCRIPTS).containsExactlyElementsOf(onDisk);
    }
  }

  @Test
  void servesTheScriptsFromTheClasspathByPrefixAndSuffix() throws IOException {
    var provider = new ListedMigrations(getClass().getClassLoader());
    assertThat(provider.getResources("V", new String[] {".sql"})).hasSameSizeAs(ListedMigrations.SCRIPTS);
    assertThat(provider.getResources("beforeMigrate", new String[] {".sql"})).isEmpty();
    assertThat(provider.getResource("V9__nothing.sql")).isNull();
    try (Reader r = provider.getResource(ListedMigrations.SCRIPTS.get(0)).read()) {
      assertThat(r.read()).isPositive();
    }
  }

  private static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }
}
