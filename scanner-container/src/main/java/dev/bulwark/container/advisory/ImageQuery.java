package dev.bulwark.container.advisory;

import dev.bulwark.container.image.InventoryPackage;
import dev.bulwark.advisories.advisory.AdvisoryIndex;

/**
 * What one image package is looked up as: the ecosystem (the release's when the index covers it,
 * else the bare one), and for distribution packages the source package name and version, which
 * Debian's and Alpine's advisories are keyed by.
 */
record ImageQuery(String ecosystem, String name, String version) {

  static ImageQuery of(InventoryPackage p, AdvisoryIndex index) {
    boolean distribution = !p.release().isEmpty();
    String ecosystem = distribution && !index.covers(p.osvEcosystem()) ? p.ecosystem() : p.osvEcosystem();
    return distribution
        ? new ImageQuery(ecosystem, p.sourceName(), p.sourceVersion())
        : new ImageQuery(ecosystem, p.name(), p.version());
  }

  String key() {
    return ecosystem + '\u0000' + name + '\u0000' + version;
  }
}
