package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * What CycloneDX and SPDX documents share once read: components identified by their package URL
 * become packages (the SBOM's word: high confidence); components without a purl Bulwark can match
 * are counted in one problem, so that an SBOM of unmatched components is not mistaken for a clean one.
 */
final class SbomComponents {
  private final String path;
  private final List<InstalledPackage> packages = new ArrayList<>();
  private final List<String> unmatched = new ArrayList<>();

  SbomComponents(String path) {
    this.path = path;
  }

  /** A component: its purl (may be empty), a label for messages, its scope, direct when the SBOM says. */
  void component(String purl, String label, Scope scope, Boolean direct, int line) {
    var coordinates = purl == null || purl.isBlank() ? java.util.Optional.<PackageUrls.Coordinates>empty()
        : PackageUrls.parse(purl.strip());
    if (coordinates.isEmpty()) {
      unmatched.add(label);
      return;
    }
    var c = coordinates.get();
    packages.add(new InstalledPackage(c.ecosystem(), c.name(), c.version(), scope, direct, path, line,
        PackageUrls.of(c.ecosystem(), c.name(), c.version())));
  }

  ParseResult result() {
    if (unmatched.isEmpty()) {
      return ParseResult.of(Packages.dedupe(packages));
    }
    String listed = String.join(", ", unmatched.subList(0, Math.min(10, unmatched.size())))
        + (unmatched.size() > 10 ? " and " + (unmatched.size() - 10) + " more" : "");
    return new ParseResult(Packages.dedupe(packages), List.of(path + ": " + unmatched.size()
        + " components without a package URL of a known ecosystem, not checked: " + listed));
  }
}
