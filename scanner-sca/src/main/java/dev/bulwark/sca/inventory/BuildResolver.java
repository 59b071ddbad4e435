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
   * Resolves only the {@code wanted} files of the build (all {@code files} are the build: a
   * module's parent or sibling may be another file). The default resolves them all.
   */
  default Result resolve(Map<String, byte[]> files, ManifestSource tree, Set<String> wanted) {
    return resolve(files, tree);
  }

  /**
   * What its resolutions depend on besides the tree (the repositories it reads, its settings),
   * when a file's {@link Result#reproducible() reproducible} resolution may be kept in the results
   * cache and replayed while the build's files are unchanged (so a resolver that has one must
   * depend on nothing else: not on other files of the tree); empty (the default): never kept.
   */
  default Optional<String> fingerprint() {
    return Optional.empty();
  }

  /**
   * @param packages  what the resolution found (each under the file that declares it)
   * @param problems  what it could not resolve, and why
   * @param fallback  files to read with the per-file parser instead
   * @param reproducible files whose resolution gives the same packages again while the build's
   *                  files are unchanged (complete, released versions only), so it may be kept
   */
  record Result(List<InstalledPackage> packages, List<String> problems, Set<String> fallback, Set<String> reproducible) {
    public Result {
      packages = List.copyOf(packages);
      problems = List.copyOf(problems);
      fallback = Set.copyOf(fallback);
      var kept = new java.util.HashSet<>(reproducible);
      kept.removeAll(fallback);
      reproducible = Set.copyOf(kept);
    }

    /** A result that is not kept. */
    public Result(List<InstalledPackage> packages, List<String> problems, Set<String> fallback) {
      this(packages, problems, fallback, Set.of());
    }
  }
}
