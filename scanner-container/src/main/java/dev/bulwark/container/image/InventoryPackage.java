package dev.bulwark.container.image;

import dev.bulwark.v1.Confidence;

/**
 * One installed package found in an image, in the shape an advisory matcher consumes.
 *
 * @param ecosystem     as OSV spells it: "Debian", "Ubuntu", "Alpine" for OS packages; "npm", "PyPI", "Maven", "Go" for
 *                      language packages
 * @param release       the distribution release as OSV suffixes it ("12", "v3.18", "22.04"); empty for
 *                      language packages. OSV's full ecosystem is {@code ecosystem + ":" + release}.
 * @param name          binary package name (dpkg Package, apk P), or the library name
 * @param sourceName    source package (dpkg Source, apk origin); OSV's Debian and Alpine advisories are
 *                      keyed by it. Equals {@code name} when the database does not say.
 * @param version       installed version, exactly as the database spells it
 * @param sourceVersion version of the source package (dpkg "Source: name (version)"), else {@code version}
 * @param layer         diff id (or blob digest) of the layer that first installed this name and version
 * @param path          the database, manifest or file it was read from, inside the image; a package
 *                      found in a nested archive adds "!/" and the path inside ("app.war!/WEB-INF/lib/x.jar")
 * @param confidence    how sure the inventory is of name and version (LOW for a JAR manifest's guess)
 */
public record InventoryPackage(String ecosystem, String release, String name, String sourceName, String version,
    String sourceVersion, String layer, String path, Confidence confidence) {

  /** A package read from a database that states it exactly (dpkg, apk, pom.properties, Go build info). */
  public InventoryPackage(String ecosystem, String release, String name, String sourceName, String version,
      String sourceVersion, String layer, String path) {
    this(ecosystem, release, name, sourceName, version, sourceVersion, layer, path, Confidence.CONFIDENCE_HIGH);
  }

  /** OSV's ecosystem string: "Debian:12", "Alpine:v3.18", or "npm". */
  public String osvEcosystem() {
    return release.isEmpty() ? ecosystem : ecosystem + ":" + release;
  }
}
