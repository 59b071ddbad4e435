package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser fed every fixture of every other format (a JSON lockfile to the TOML parser, a
 * pom to the yarn parser, ...): whatever it makes of it, it must not throw.
 */
class WrongFormatTest {
  static Stream<LockfileParser> parsers() {
    return Inventory.PARSERS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  @DisplayName("a parser given any other format's file returns a result and never throws")
  void neverThrowsOnForeignInput(LockfileParser parser) throws Exception {
    Path root = Trees.lockfiles();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      assertThatCode(() -> Trees.parse(parser, rel)).as(parser.name() + " on " + rel).doesNotThrowAnyException();
    }
  }
}
