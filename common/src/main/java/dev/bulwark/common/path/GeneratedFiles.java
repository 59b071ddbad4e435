package dev.bulwark.common.path;

import java.util.Locale;
import java.util.Set;

/**
 * Files that tools generate rather than people write: lockfiles, minified code, source maps.
 * They are large and full of hashes, so secret detection skips them, and the CLI leaves their
 * history versions out of {@code scan --history}.
 */
public final class GeneratedFiles {
  private static final Set<String> LOCKFILES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
      "go.sum", "cargo.lock", "poetry.lock", "composer.lock", "gemfile.lock");

  private GeneratedFiles() {}

  /** Whether the file at this '/'-separated path is generated (judged by its name alone). */
  public static boolean isGenerated(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return LOCKFILES.contains(name) || name.endsWith(".min.js") || name.endsWith(".map");
  }
}
