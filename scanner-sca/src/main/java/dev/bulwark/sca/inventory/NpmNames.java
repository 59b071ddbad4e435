package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** npm naming rules shared by the package-lock, yarn and pnpm parsers. */
final class NpmNames {
  static final List<String> DEPENDENCY_FIELDS =
      List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");
  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");

  private NpmNames() {}

  /** True for a plain semver version (registry packages); false for git URLs, file: paths, ranges. */
  static boolean isRegistryVersion(String version) {
    return version != null && SEMVER.matcher(version).matches();
  }

  /**
   * True when a {@code resolved} URL is a registry tarball (or absent); false for git checkouts,
   * GitHub tarballs and local files, whose version is not a registry release.
   */
  static boolean isRegistryResolved(String resolved) {
    if (resolved == null || resolved.isEmpty()) {
      return true;
    }
    return (resolved.startsWith("https://") || resolved.startsWith("http://"))
        && !resolved.contains("codeload.github.com") && !resolved.matches("https?://github\\.com/.*");
  }

  /** {@code npm:real@1.0.0} → [real, 1.0.0] (also for scoped names); null when not an alias. */
  static String[] alias(String spec) {
    if (spec == null || !spec.startsWith("npm:")) {
      return null;
    }
    String rest = spec.substring(4);
    int at = rest.lastIndexOf('@');
    return at <= 0 ? null : new String[] {rest.substring(0, at), rest.substring(at + 1)};
  }

  /** Splits {@code name@spec} where the name may be scoped ({@code @scope/name@spec}). */
  static String[] splitNameSpec(String s) {
    int at = s.indexOf('@', s.startsWith("@") ? 1 : 0);
    return at < 0 ? new String[] {s, ""} : new String[] {s.substring(0, at), s.substring(at + 1)};
  }

  /** What the package.json beside a lockfile declares: every dependency name, and the dev-only ones. */
  record Roots(Set<String> names, Set<String> devOnly) {}

  /**
   * The dependencies the package.json beside the lockfile declares, or null when there is no
   * readable package.json (then direct dependencies are unknown).
   */
  static Roots rootDependencies(String lockPath, ManifestSource tree) {
    String folder = Texts.folder(lockPath);
    var bytes = tree.read(folder.isEmpty() ? "package.json" : folder + "/package.json");
    if (bytes.isEmpty()) {
      return null;
    }
    try {
      JsonNode pkg = Texts.json(Texts.decode(bytes.get()));
      Set<String> names = new HashSet<>();
      Set<String> prod = new HashSet<>();
      for (String field : DEPENDENCY_FIELDS) {
        if (pkg.get(field) != null) {
          pkg.get(field).fieldNames().forEachRemaining(names::add);
          if (!field.equals("devDependencies")) {
            pkg.get(field).fieldNames().forEachRemaining(prod::add);
          }
        }
      }
      Set<String> devOnly = new HashSet<>(names);
      devOnly.removeAll(prod);
      return new Roots(names, devOnly);
    } catch (Exception e) {
      return null;
    }
  }
}
