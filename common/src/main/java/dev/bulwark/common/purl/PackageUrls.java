package dev.bulwark.common.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs (https://github.com/package-url/purl-spec) of packages named as their OSV
 * ecosystem spells them, built by packageurl-java so that every scanner writes the same canonical
 * form: {@code pkg:npm/%40babel/core@7.0.0}, {@code pkg:maven/org.slf4j/slf4j-api@2.0.9},
 * {@code pkg:apk/alpine/musl@1.1.22-r3?distro=v3.10},
 * {@code pkg:rpm/almalinux/openssl-libs@3.0.7-24.el9?distro=almalinux-9&epoch=1}.
 */
public final class PackageUrls {
  /** purl type and default namespace of each OSV ecosystem. */
  private record Kind(String type, String namespace) {}

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("npm", new Kind("npm", null)), Map.entry("PyPI", new Kind("pypi", null)),
      Map.entry("Go", new Kind("golang", null)), Map.entry("crates.io", new Kind("cargo", null)),
      Map.entry("RubyGems", new Kind("gem", null)), Map.entry("Packagist", new Kind("composer", null)),
      Map.entry("Maven", new Kind("maven", null)), Map.entry("NuGet", new Kind("nuget", null)),
      Map.entry("Pub", new Kind("pub", null)), Map.entry("Hex", new Kind("hex", null)),
      Map.entry("ConanCenter", new Kind("conan", null)), Map.entry("CRAN", new Kind("cran", null)),
      Map.entry("Hackage", new Kind("hackage", null)),
      Map.entry("Alpine", new Kind("apk", "alpine")), Map.entry("Debian", new Kind("deb", "debian")),
      Map.entry("Ubuntu", new Kind("deb", "ubuntu")), Map.entry("AlmaLinux", new Kind("rpm", "almalinux")),
      Map.entry("Rocky Linux", new Kind("rpm", "rocky")), Map.entry("Red Hat", new Kind("rpm", "redhat")));

  private PackageUrls() {}

  /** Whether {@link #of} knows the ecosystem ("npm", "Maven", "Alpine", ...; a release suffix is ignored). */
  public static boolean knows(String ecosystem) {
    return KINDS.containsKey(base(ecosystem));
  }

  /** The purl without qualifiers; see {@link #of(String, String, String, Map)}. */
  public static String of(String ecosystem, String name, String version) {
    return of(ecosystem, name, version, Map.of());
  }

  /**
   * The canonical purl of a package: the name split into namespace and name as the ecosystem
   * spells it ("group:artifact", "@scope/name", "vendor/name", Go module paths), Pub and Hex names
   * lower-cased, an rpm epoch ("1:3.0.7") moved into the {@code epoch} qualifier. An empty or null
   * version gives a purl without version.
   *
   * @throws IllegalArgumentException for an ecosystem without a purl type, or a name no purl can carry
   */
  public static String of(String ecosystem, String name, String version, Map<String, String> qualifiers) {
    Kind kind = KINDS.get(base(ecosystem));
    if (kind == null) {
      throw new IllegalArgumentException("no purl type for ecosystem " + ecosystem);
    }
    var q = new TreeMap<>(qualifiers);
    String v = version == null || version.isEmpty() ? null : version;
    if (kind.type().equals("rpm") && v != null && v.indexOf(':') > 0) {
      q.put("epoch", v.substring(0, v.indexOf(':')));
      v = v.substring(v.indexOf(':') + 1);
    }
    String namespace = kind.namespace();
    String local = name;
    int split = switch (kind.type()) {
      case "maven" -> name.indexOf(':');
      case "npm" -> name.startsWith("@") ? name.indexOf('/') : -1;
      case "golang", "composer" -> name.lastIndexOf('/');
      default -> -1;
    };
    if (split > 0) {
      namespace = name.substring(0, split);
      local = name.substring(split + 1);
    }
    if (kind.type().equals("pub") || kind.type().equals("hex")) {
      local = local.toLowerCase(Locale.ROOT);
    }
    try {
      return new PackageURL(kind.type(), namespace, local, v, q.isEmpty() ? null : q, null).canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("no purl for " + ecosystem + " package '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * A distribution package's purl with its release as the {@code distro} qualifier, as the purl
   * spec's examples write it: Alpine's release as is ({@code distro=v3.10}), others prefixed with
   * the namespace ({@code distro=debian-10}, {@code distro=almalinux-9}); no qualifier for an
   * empty release.
   */
  public static String ofDistribution(String ecosystem, String name, String version, String release) {
    Kind kind = KINDS.get(base(ecosystem));
    if (release == null || release.isEmpty() || kind == null || kind.namespace() == null) {
      return of(ecosystem, name, version);
    }
    String distro = kind.type().equals("apk") ? release : kind.namespace() + "-" + release;
    return of(ecosystem, name, version, Map.of("distro", distro));
  }

  /** A package as a purl names it, in OSV's terms. */
  public record Coordinates(String ecosystem, String name, String version) {}

  /**
   * The OSV ecosystem, name and version of a purl ({@code pkg:maven/g/a@1} → Maven "g:a" 1;
   * {@code pkg:deb/debian/x@1} → Debian), the reverse of {@link #of}; empty for a purl that is
   * malformed, has no version, or whose type Bulwark does not match.
   */
  public static java.util.Optional<Coordinates> parse(String purl) {
    PackageURL p;
    try {
      p = new PackageURL(purl);
    } catch (MalformedPackageURLException | RuntimeException e) {
      return java.util.Optional.empty();
    }
    if (p.getVersion() == null || p.getVersion().isEmpty()) {
      return java.util.Optional.empty();
    }
    String ns = p.getNamespace();
    for (var e : KINDS.entrySet()) {
      Kind k = e.getValue();
      if (!k.type().equals(p.getType()) || k.namespace() != null && !k.namespace().equalsIgnoreCase(ns == null ? "" : ns)) {
        continue;
      }
      String name = k.namespace() != null || ns == null || ns.isEmpty() ? p.getName()
          : ns + (k.type().equals("maven") ? ":" : "/") + p.getName();
      String version = p.getVersion();
      if (k.type().equals("rpm") && p.getQualifiers() != null && p.getQualifiers().containsKey("epoch")) {
        version = p.getQualifiers().get("epoch") + ":" + version;
      }
      return java.util.Optional.of(new Coordinates(e.getKey(), name, version));
    }
    return java.util.Optional.empty();
  }

  private static String base(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
  }
}
