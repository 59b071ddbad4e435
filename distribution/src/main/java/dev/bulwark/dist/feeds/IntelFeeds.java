package dev.bulwark.dist.feeds;

import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.advisories.intel.IntelSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Installs a CISA KEV catalog or FIRST EPSS scores under {@code $BULWARK_HOME/intel}, where the
 * embedded gate reads them at start-up: gunzipped when gzipped, checked with the gate's own parser
 * first, so a file the gate cannot read is refused and the installed one stays.
 */
public final class IntelFeeds {
  private IntelFeeds() {}

  /** Which feed. */
  public enum Kind {
    KEV("KEV catalog"), EPSS("EPSS scores");

    final String what;

    Kind(String what) {
      this.what = what;
    }
  }

  /** What was installed: where, how many entries, and the lines the parser could not read. */
  public record Installed(Path file, int entries, List<String> problems) {}

  /** The feed cannot be installed; the message names {@code source} and says why. */
  public static final class RefusedException extends Exception {
    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * @param file   the feed on disk (downloaded or given)
   * @param source how to name it in messages (its URL or path)
   */
  public static Installed install(Path home, Path file, String source, Kind kind) throws IOException, RefusedException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new RefusedException(source + ": not a readable gzip file: " + e.getMessage());
      }
    }
    boolean json = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading().startsWith("{");
    Path staged = Files.createTempFile("bulwark-intel", ".txt");
    try {
      Files.write(staged, bytes);
      var intel = kind == Kind.KEV ? ExploitIntel.load(Optional.of(IntelSource.file(staged)), Optional.empty())
          : ExploitIntel.load(Optional.empty(), Optional.of(IntelSource.file(staged)));
      int entries = kind == Kind.KEV ? intel.kevCount() : intel.epssCount();
      if (entries == 0) {
        String why = intel.problems().isEmpty() ? "no entries" : intel.problems().get(0);
        throw new RefusedException(source + " is not a " + kind.what + " the gate can read: "
            + why.replace(staged.toString(), source));
      }
      var problems = intel.problems().stream().map(p -> p.replace(staged.toString(), source)).toList();
      String name = kind == Kind.KEV ? (json ? "kev.json" : "kev.csv") : "epss.csv";
      Path dir = Files.createDirectories(home.resolve("intel"));
      if (kind == Kind.KEV) {
        Files.deleteIfExists(dir.resolve(json ? "kev.csv" : "kev.json"));
      }
      Path target = dir.resolve(name);
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
      return new Installed(target, entries, problems);
    } finally {
      Files.deleteIfExists(staged);
    }
  }
}
