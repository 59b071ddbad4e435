package dev.bulwark.sca.inventory;

import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test access to fixture trees: the shared lockfiles, the sample repos, this module's own inputs. */
final class Trees {
  private Trees() {}

  static Path lockfiles() {
    return SharedFixtures.shared().resolve("fixtures/lockfiles");
  }

  static Path own() {
    return Path.of("src/test/resources/inventory").toAbsolutePath();
  }

  /** A ManifestSource over a folder on disk, paths relative to it. */
  static ManifestSource source(Path root) {
    return relative -> {
      Path p = root.resolve(relative).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Parses one shared lockfile fixture (path relative to fixtures/lockfiles) with this parser. */
  static ParseResult parse(LockfileParser parser, String fixture) {
    return parse(parser, lockfiles(), fixture);
  }

  static ParseResult parse(LockfileParser parser, Path root, String relative) {
    try {
      return parser.parse(relative, Files.readAllBytes(root.resolve(relative)), source(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under root, by relative path with '/' separators. */
  static Map<String, byte[]> read(Path root) {
    var out = new TreeMap<String, byte[]>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        try {
          out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
