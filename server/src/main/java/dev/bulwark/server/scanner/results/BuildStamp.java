package dev.bulwark.server.scanner.results;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Which build of the code a class comes from, for result-cache keys: analyzer versions say what
 * changed on purpose, this catches what changed without a version bump. A jar is named by its
 * path, size and modification time (a rebuilt jar starts a fresh cache); classes outside a jar
 * (a development build) get a stamp of their own per process, so their results are never reused
 * by another run.
 */
public final class BuildStamp {
  private static final String PER_PROCESS = "dev-" + UUID.randomUUID();

  private BuildStamp() {}

  /**
   * Whether the stamp names a process rather than a jar (a development build): a key holding it is
   * never met by another process, so it must also tell apart what differs within one process.
   */
  public static boolean perProcess(String stamp) {
    return stamp.equals(PER_PROCESS);
  }

  public static String of(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null) {
        return PER_PROCESS;
      }
      Path location = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return PER_PROCESS;
      }
      return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return PER_PROCESS;
    }
  }
}
