package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest read without its lockfile, which is never silent: exactly pinned dependencies
 * become packages of MEDIUM confidence (the manifest says which version, nothing says it is the
 * one installed, and transitive dependencies are unknown), and one problem names the missing
 * lockfile and the dependencies left unchecked, so that the scanner's status says so.
 */
final class ManifestPins {
  private static final int LISTED = 10;
  private final String path;
  private final String ecosystem;
  private final String lockfiles;
  private final String consequence;
  private final List<InstalledPackage> packages = new ArrayList<>();
  private final List<String> unpinned = new ArrayList<>();

  /** @param lockfiles the lockfile names that would have given the installed versions, for the message */
  ManifestPins(String path, String ecosystem, String lockfiles) {
    this(path, ecosystem, lockfiles, "so installed and transitive versions are unknown");
  }

  /** @param consequence what the missing lockfile means, after "no lockfile (...), " */
  ManifestPins(String path, String ecosystem, String lockfiles, String consequence) {
    this.path = path;
    this.ecosystem = ecosystem;
    this.lockfiles = lockfiles;
    this.consequence = consequence;
  }

  /** A dependency whose version the manifest pins exactly. */
  void pinned(String name, String version, Scope scope, int line) {
    packages.add(new InstalledPackage(ecosystem, name, version, scope, true, path, line,
        PackageUrls.of(ecosystem, name, version), List.of(), Confidence.CONFIDENCE_MEDIUM));
  }

  /** A dependency with a range, a tag, a path or no version: not checked. */
  void unpinned(String name, String constraint) {
    unpinned.add(constraint.isBlank() ? name : name + " " + constraint.strip());
  }

  ParseResult result() {
    if (packages.isEmpty() && unpinned.isEmpty()) {
      return ParseResult.of(List.of());
    }
    var why = new StringBuilder(path).append(": no lockfile (").append(lockfiles)
        .append("), ").append(consequence).append(": ")
        .append(packages.size()).append(" exactly pinned dependencies checked with medium confidence");
    if (!unpinned.isEmpty()) {
      why.append("; ").append(unpinned.size()).append(" not pinned, not checked: ")
          .append(String.join(", ", unpinned.subList(0, Math.min(LISTED, unpinned.size()))));
      if (unpinned.size() > LISTED) {
        why.append(" and ").append(unpinned.size() - LISTED).append(" more");
      }
    }
    return new ParseResult(Packages.dedupe(packages), List.of(why.toString()));
  }
}
