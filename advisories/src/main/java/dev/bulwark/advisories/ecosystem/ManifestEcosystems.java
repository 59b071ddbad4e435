package dev.bulwark.advisories.ecosystem;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which package ecosystems (as OSV names them) a tree's manifests and lockfiles use, so the
 * advisories they need can be fetched before a scan. The SCA scanner implements it with its own
 * lockfile parsers and lists it in {@code META-INF/services}; the full distribution finds it there
 * without depending on the scanner at compile time.
 */
public interface ManifestEcosystems {
  /** Whether the scanner reads this file (a relative path, '/' separators). */
  boolean isManifest(String path);

  /** The ecosystems of the packages these manifests (relative path → content) declare. */
  Set<String> ecosystems(Map<String, byte[]> manifests);

  /** Every implementation on the classpath (none in a thin client). */
  static List<ManifestEcosystems> installed() {
    return ServiceLoader.load(ManifestEcosystems.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  /** What every installed implementation makes of the manifests, together. */
  static Set<String> of(List<ManifestEcosystems> finders, Map<String, byte[]> manifests) {
    var out = new TreeSet<String>();
    finders.forEach(f -> out.addAll(f.ecosystems(manifests)));
    return out;
  }
}
