package dev.bulwark.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** For services that list their Flyway scripts ({@code ListedMigrations}): the list must be the folder. */
public final class MigrationScripts {
  private MigrationScripts() {}

  /** Asserts that {@code scripts} names exactly the files of {@code src/main/resources/<folder>}, in version order. */
  public static void assertListed(String folder, List<String> scripts) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", folder))) {
      var onDisk = files.map(p -> p.getFileName().toString())
          .sorted(Comparator.comparingInt(MigrationScripts::version)).toList();
      assertThat(scripts).as("the scripts listed in the code, against " + folder).containsExactlyElementsOf(onDisk);
    }
  }

  private static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }
}
