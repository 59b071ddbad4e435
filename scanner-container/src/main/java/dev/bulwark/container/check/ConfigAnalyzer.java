package dev.bulwark.container.check;

import java.util.List;

/**
 * One configuration format (Dockerfile, Kubernetes, Terraform): says which files it wants, parses
 * them and runs its check families. Versioned so cached results can be invalidated.
 */
public interface ConfigAnalyzer {
  String name();

  /**
   * Part of the cache keys of what this produces: "1" until its output for some input changes,
   * then the next number (override this method from then on).
   */
  default String version() {
    return "1";
  }

  /** True for the relative paths this analyzer wants. */
  boolean accepts(String path);

  /** Every check it can raise, for documentation and {@code Describe}. */
  List<CheckSpec> checks();

  /**
   * Runs the checks on one file. Throws {@link ConfigParseException} when the file cannot be
   * understood; the engine reports that as a degraded scan and goes on with the other files.
   */
  List<CheckSpec.Hit> analyze(String path, String text) throws ConfigParseException;

  /**
   * Runs the checks on one file that may refer to others of its folder (Terraform reads a whole
   * directory as one module). {@code siblings} are the other accepted files of the same folder,
   * by path. The default ignores them.
   */
  default List<CheckSpec.Hit> analyze(String path, String text, java.util.Map<String, String> siblings)
      throws ConfigParseException {
    return analyze(path, text);
  }

  /**
   * Whether {@link #analyze(String, String, java.util.Map)} reads the siblings: a kept result of
   * such an analyzer is reused only while its folder holds the same files with the same content.
   */
  default boolean readsFolder() {
    return false;
  }

  /**
   * What its results depend on besides the files, by name, with today's value (e.g. which
   * base-image releases are past their end of life): a kept result is reused only while each
   * still has the value it had. Asked once per scan.
   */
  default java.util.Map<String, String> facts() {
    return java.util.Map.of();
  }
}
