package dev.bulwark.advisories.advisory;

import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.util.List;

/**
 * One dependency as a manifest or lockfile declares it.
 *
 * @param ecosystem    as OSV spells it: "npm", "Maven", "PyPI", "Go", "crates.io", ...
 * @param name         as the ecosystem spells it ("group:artifact" for Maven)
 * @param version      the resolved (installed) version
 * @param scope        RUNTIME, DEV, TEST, PROVIDED or OPTIONAL
 * @param direct       TRUE when declared directly, FALSE when transitive, null when the format does not tell
 * @param manifestPath relative path of the file that declares it
 * @param line         1-based line of the declaration, 0 when unknown
 * @param purl         package URL
 * @param path         how it came in (see the wire's {@code Package.path}); empty when the format does not tell
 * @param confidence   HIGH when a lockfile or a resolution says this version is installed; MEDIUM when
 *                     only a manifest pins it (no lockfile: what is installed may differ)
 */
public record InstalledPackage(String ecosystem, String name, String version, Scope scope,
    Boolean direct, String manifestPath, int line, String purl, List<String> path, Confidence confidence) {

  public InstalledPackage {
    path = path == null ? List.of() : List.copyOf(path);
    confidence = confidence == null ? Confidence.CONFIDENCE_HIGH : confidence;
  }

  /** A package as a lockfile states it: no path, high confidence. */
  public InstalledPackage(String ecosystem, String name, String version, Scope scope,
      Boolean direct, String manifestPath, int line, String purl) {
    this(ecosystem, name, version, scope, direct, manifestPath, line, purl, List.of(), Confidence.CONFIDENCE_HIGH);
  }
}
