package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A format resolved per build rather than per file: all its files of the tree at once (a Maven
 * reactor, a Gradle build), because one file's packages depend on the others and on repositories.
 * Files it cannot resolve at all are handed back and read by the per-file parser of
 * {@link Inventory#PARSERS}, so that a build that cannot be resolved still lists what it declares.
 */
public interface BuildResolver {
  /** The per-file parser's name this resolver stands in for, e.g. "maven-pom" (for the lockfile-over-manifest rule). */
  String name();

  /** Whether this resolver takes the file at this relative path. */
  boolean required(String path);

  /** Resolves the build's files (relative path → bytes); never throws for bad input. */
  Result resolve(Map<String, byte[]> files, ManifestSource tree);

  /**
   * What its resolutions depend on besides the tree (the repositories it reads, its settings),
   * when a {@link Result#reproducible() reproducible} result may be kept in the results cache and
   * replayed while the build's files are unchanged; empty (the default): never kept.
   */
  default Optional<String> fingerprint() {
    return Optional.empty();
  }

  /**
   * @param packages  what the resolution found
   * @param problems  what it could not resolve, and why
   * @param fallback  files to read with the per-file parser instead
   * @param reproducible resolving the same files again gives the same result (complete, released
   *                  versions only), so it may be kept ({@link #fingerprint()})
   */
  record Result(List<InstalledPackage> packages, List<String> problems, Set<String> fallback, boolean reproducible) {
    public Result {
      packages = List.copyOf(packages);
      problems = List.copyOf(problems);
      fallback = Set.copyOf(fallback);
      reproducible = reproducible && problems.isEmpty() && fallback.isEmpty();
    }

    /** A result that is not kept. */
    public Result(List<InstalledPackage> packages, List<String> problems, Set<String> fallback) {
      this(packages, problems, fallback, false);
    }
  }
}
