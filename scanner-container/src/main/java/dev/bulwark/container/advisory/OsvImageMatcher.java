package dev.bulwark.container.advisory;

import dev.bulwark.advisories.remediation.UpgradePlan;
import dev.bulwark.advisories.remediation.UpgradePlanner;
import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.container.image.ImageInventory;
import dev.bulwark.container.image.ImagePackageMatcher;
import dev.bulwark.container.image.InventoryPackage;
import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.Vulnerability;
import dev.bulwark.advisories.advisory.VulnerabilityFindings;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.advisories.version.VersionOrders;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches an image's packages with the SCA scanner's advisory engine: the same
 * {@link AdvisoryStore}, {@link AdvisoryIndex}, {@link Vulnerability} merging and
 * {@link VulnerabilityFindings} as lockfile matching, so an image's lodash and a lockfile's
 * lodash get the same answer.
 *
 * <p>Distribution packages are matched by their source package (dpkg Source, apk origin) and
 * source version, in the release's ecosystem ("Alpine:v3.10", "Debian:10"); when the store holds
 * nothing for that release, in the bare ecosystem ("Alpine": every release's records). Findings
 * name the binary package that is installed. Language packages (npm, PyPI, Maven from Java
 * archives, Go modules from executables) match as in a lockfile; a package whose coordinates were
 * guessed from a JAR manifest gives LOW-confidence findings.
 *
 * <p>The store is opened at the first image that has packages, not at construction: in the
 * embedded cluster the SCA service fills the same store while services start. The store's
 * {@code osv/catalog.json} is checked at each image: an empty store is opened again, and one
 * changed by a later import ({@code bulwark db update}) is re-indexed.
 */
public final class OsvImageMatcher implements ImagePackageMatcher {
  private final Path dataDir;
  private Snapshot snapshot;

  /** The index built from the store as its catalog stood at {@code stamp}. */
  private record Snapshot(AdvisoryIndex index, FileTime stamp) {}

  private OsvImageMatcher(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** A matcher over the advisory store under {@code dataDir} (as {@link AdvisoryStore#open}), opened lazily. */
  public static OsvImageMatcher overStore(Path dataDir) {
    return new OsvImageMatcher(dataDir);
  }

  /**
   * The index, rebuilt when the store's catalog changed since it was built (an import by
   * {@code bulwark db update} or the SCA service); empty while the store holds nothing.
   */
  private synchronized Optional<AdvisoryIndex> index() throws IOException {
    Path catalog = dataDir.resolve("osv").resolve("catalog.json");
    FileTime stamp = Files.exists(catalog) ? Files.getLastModifiedTime(catalog) : null;
    if (snapshot == null || !Objects.equals(snapshot.stamp(), stamp)) {
      AdvisoryStore store = AdvisoryStore.open(dataDir);
      snapshot = store.isEmpty() ? null : new Snapshot(store.index(), stamp);
    }
    return Optional.ofNullable(snapshot).map(Snapshot::index);
  }

  @Override
  public Matches match(ImageInventory inventory) {
    if (inventory.packages().isEmpty()) {
      return Matches.of(List.of());
    }
    Optional<AdvisoryIndex> found;
    try {
      found = index();
    } catch (IOException e) {
      return new Matches(List.of(), List.of(MISSING_DATABASE + ": " + e.getMessage()));
    }
    if (found.isEmpty()) {
      return new Matches(List.of(), List.of(MISSING_DATABASE));
    }
    AdvisoryIndex idx = found.get();
    var findings = new ArrayList<Finding>();
    var problems = new LinkedHashSet<String>();
    Map<String, List<Vulnerability>> known = new HashMap<>();
    Map<String, UpgradePlan> plans = new HashMap<>();
    for (InventoryPackage p : inventory.packages()) {
      var query = ImageQuery.of(p, idx);
      if (VersionOrders.find(query.ecosystem()).isEmpty()) {
        problems.add("no advisories for ecosystem '" + query.ecosystem() + "'");
        continue;
      }
      if (!VersionOrders.forEcosystem(query.ecosystem()).isValid(query.version())) {
        problems.add("image " + inventory.imageName() + ": " + p.path() + ": " + p.name()
            + ": cannot compare version '" + query.version() + "'");
        continue;
      }
      // binaries of one source package (libssl1.1, libcrypto1.1) share the answer
      var vulns = known.computeIfAbsent(query.key(), k -> Vulnerability.merge(
          idx.affecting(query.ecosystem(), query.name(), query.version()), idx,
          query.ecosystem(), query.name(), query.version()));
      // one upgrade per package, over all its vulnerabilities
      var plan = plans.computeIfAbsent(query.key(), k -> UpgradePlanner.plan(idx, query.ecosystem(), query.name(),
          query.version(), vulns));
      for (Vulnerability v : vulns) {
        findings.add(plan.annotate(finding(inventory.imageName(), p, v), v.id()));
      }
    }
    return new Matches(findings, List.copyOf(problems));
  }

  /**
   * The shared dependency finding, placed in the image: manifest path "image [layer]", location
   * the image with the layer and database in the snippet, fingerprint by image name only (so a
   * rebuild that changes layer digests keeps the finding's identity), remediation naming the
   * package, since the binary and the advisory's source package may differ.
   */
  static Finding finding(String imageName, InventoryPackage p, Vulnerability v) {
    Finding shared = VulnerabilityFindings.finding(installed(imageName, p), v);
    var b = shared.toBuilder()
        .setLocation(Location.newBuilder().setPath(imageName)
            .setSnippet("layer " + p.layer() + ": " + p.path() + ": " + p.name() + " " + p.version()))
        .setFingerprint(Fingerprints.forPackage(v.id(), p.osvEcosystem(), p.name(), imageName));
    if (p.confidence() == Confidence.CONFIDENCE_LOW) {
      // a JAR manifest's guess of the Maven coordinates
      b.setConfidence(Confidence.CONFIDENCE_LOW);
    }
    if (!v.fixedVersions().isEmpty()) {
      b.setRemediation("upgrade " + p.name() + " to " + v.fixedVersions().get(0));
    }
    return b.build();
  }

  /**
   * The image package as the wire's inventory (SBOM) carries it, in the same shape as its findings:
   * manifest path "image [layer]", the package URL, scope RUNTIME.
   */
  public static dev.bulwark.v1.Package dependency(String imageName, InventoryPackage p) {
    return VulnerabilityFindings.dependency(installed(imageName, p));
  }

  private static InstalledPackage installed(String imageName, InventoryPackage p) {
    return new InstalledPackage(p.osvEcosystem(), p.name(), p.version(), Scope.RUNTIME, null,
        imageName + " [" + p.layer() + "]", 0, purl(p));
  }

  /**
   * {@code pkg:apk/alpine/musl@1.1.22-r3?distro=v3.10}, {@code pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb10u3?distro=debian-10},
   * {@code pkg:maven/org.yaml/snakeyaml@1.33}; empty for an ecosystem or a name no purl can carry.
   */
  private static String purl(InventoryPackage p) {
    try {
      return PackageUrls.knows(p.ecosystem())
          ? PackageUrls.ofDistribution(p.ecosystem(), p.name(), p.version(), p.release()) : "";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
