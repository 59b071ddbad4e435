package dev.bulwark.artifacts;

import dev.bulwark.v1.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * One kind of package database inside an image (dpkg status, apk installed, npm package.json,
 * Python METADATA, and, as {@link EmbeddedPackageDatabase}s, Java archives and Go executables):
 * which paths it reads and how. Versioned like the configuration analyzers.
 */
public interface PackageDatabase {
  String name();

  String version();

  /** True for the image paths (relative, normalised) whose whole content this database needs. */
  boolean wants(String path);

  /** True when this database reads the captured content at the path ({@link #wants} by default). */
  default boolean reads(String path, byte[] content) {
    return wants(path);
  }

  /** The ecosystem of its packages; empty means: the distribution's (dpkg, apk). */
  Optional<String> ecosystem();

  /** The installed packages the file lists. Malformed records are skipped, not fatal. */
  List<Entry> parse(String path, byte[] content);

  /** What could not be read in the file (a hostile archive, nesting too deep); they make the scan DEGRADED. */
  default List<String> problems(String path, byte[] content) {
    return List.of();
  }

  /**
   * One installed package as the database records it.
   *
   * @param confidence how sure the database is of name and version (a JAR manifest guess is LOW)
   * @param location   where inside the file it was found ("WEB-INF/lib/x.jar"); empty for the file itself
   */
  record Entry(String name, String sourceName, String version, String sourceVersion, Confidence confidence,
      String location) {
    public Entry(String name, String sourceName, String version, String sourceVersion) {
      this(name, sourceName, version, sourceVersion, Confidence.CONFIDENCE_HIGH, "");
    }
  }
}
