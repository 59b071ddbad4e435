package dev.bulwark.sca.ecosystems;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.advisories.ecosystem.ManifestEcosystems;
import dev.bulwark.sca.inventory.Inventory;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The SCA scanner's answer to {@link ManifestEcosystems}: its own parsers, so exactly what a scan will match. */
public final class InventoryEcosystems implements ManifestEcosystems {
  @Override
  public boolean isManifest(String path) {
    return Inventory.parserFor(path).isPresent();
  }

  @Override
  public Set<String> ecosystems(Map<String, byte[]> manifests) {
    var out = new TreeSet<String>();
    Inventory.collect(manifests).packages().stream().map(InstalledPackage::ecosystem).forEach(out::add);
    return out;
  }
}
