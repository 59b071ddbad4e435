package dev.bulwark.sca.inventory;

/**
 * Reads one manifest or lockfile format. One implementation per format, each with a version
 * so that cached results are invalidated when it changes.
 */
public interface LockfileParser {
  /** e.g. "npm-package-lock". */
  String name();

  /**
   * Part of the cache keys of what this produces: "1" until its output for some input changes,
   * then the next number (override this method from then on).
   */
  default String version() {
    return "1";
  }

  /** Whether this parser wants the file at this relative path (by name). */
  boolean required(String path);

  /** Parses the file; a broken file gives a result with a problem naming it, never an exception. */
  ParseResult parse(String path, byte[] content, ManifestSource tree);
}
