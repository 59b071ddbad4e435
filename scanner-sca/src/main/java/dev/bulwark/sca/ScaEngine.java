package dev.bulwark.sca;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.StartupImport;
import dev.bulwark.advisories.advisory.Vulnerability;
import dev.bulwark.advisories.advisory.VulnerabilityFindings;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.advisories.remediation.UpgradePlan;
import dev.bulwark.advisories.remediation.UpgradePlanner;
import dev.bulwark.advisories.version.VersionOrder;
import dev.bulwark.advisories.version.VersionOrders;
import dev.bulwark.v1.Analyzer;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SCA scanner: takes the workspace's installed packages from a {@link PackageSource},
 * matches each against the OSV advisories of an {@link AdvisoryStore}, and emits one finding
 * per package and vulnerability (records about the same vulnerability merged). Without an
 * advisory database every scan is DEGRADED.
 */
public final class ScaEngine implements ScannerEngine {
  static final String VERSION = "0.1.0";
  public static final String NO_DATABASE =
      "advisory database missing: run `bulwark db update` or pass --advisories";

  private final PackageSource packages;
  private final Optional<AdvisoryStore> store;

  public ScaEngine(PackageSource packages, Optional<AdvisoryStore> store) {
    this.packages = packages;
    this.store = store.filter(s -> !s.isEmpty());
  }

  /**
   * Opens the advisory store under {@code dataDir}, importing {@code advisories} (an OSV folder
   * of per-ecosystem zips, or one zip) into it first when given; the import is idempotent, so a
   * restart re-imports nothing. With no advisories and an empty store, every scan is DEGRADED.
   * Packages come from the lockfile and manifest inventory.
   */
  public static ScaEngine create(Optional<Path> advisories, Path dataDir) throws IOException {
    return create(advisories, dataDir, PackageSource.LOCKFILES);
  }

  /** As {@link #create(Optional, Path)}, with the given package source. */
  public static ScaEngine create(Optional<Path> advisories, Path dataDir, PackageSource source) throws IOException {
    AdvisoryStore store = AdvisoryStore.open(dataDir);
    if (advisories.isPresent()) {
      StartupImport.run(advisories.get(), store);
    }
    return new ScaEngine(source, Optional.of(store));
  }

  @Override
  public String name() {
    return "sca";
  }

  @Override
  public ScannerInfo describe() {
    var info = ScannerInfo.newBuilder().setName(name()).setVersion(VERSION)
        .addAnalyzers(Analyzer.newBuilder().setName(VulnerabilityFindings.ANALYZER).setVersion(VulnerabilityFindings.ANALYZER_VERSION));
    store.ifPresent(s -> s.ecosystems().forEach(e -> info.addDatabases(DatabaseInfo.newBuilder()
        .setName("osv:" + e.name())
        .setVersion(e.sha256().substring(0, 12))
        .setUpdatedAt(e.updatedAt())
        .setRecords(e.records()))));
    return info.build();
  }

  @Override
  public ScanOutcome scan(ScanWorkspace workspace, FindingSink sink) throws Exception {
    PackageSource.Packages found = packages.collect(workspace);
    // the whole inventory, affected or not, for SBOMs
    found.packages().forEach(p -> sink.inventory(VulnerabilityFindings.dependency(p)));
    var problems = new ArrayList<String>();
    if (store.isEmpty()) {
      problems.add(NO_DATABASE);
      problems.addAll(found.problems());
      return ScanOutcome.degraded(String.join("; ", problems), found.filesScanned());
    }
    problems.addAll(found.problems());
    // the store's records are read at the first package to look up: a tree without packages never reads them
    for (Finding f : match(store.get()::index, found.packages(), problems)) {
      if (workspace != null && workspace.cancelled()) {
        break;
      }
      sink.accept(f);
    }
    return ScanOutcome.of(problems, found.filesScanned());
  }

  /** Where the index comes from: asked once, at the first package of a known ecosystem. */
  @FunctionalInterface
  interface IndexSource {
    AdvisoryIndex get() throws IOException;
  }

  /** Matches packages against the index; unknown ecosystems and bad versions become problems. */
  static List<Finding> match(IndexSource source, List<InstalledPackage> packages, List<String> problems)
      throws IOException {
    AdvisoryIndex index = null;
    var out = new ArrayList<Finding>();
    Set<String> seen = new HashSet<>();
    Set<String> unknownEcosystems = new LinkedHashSet<>();
    Map<String, Integer> uncovered = new TreeMap<>();
    Map<String, List<Vulnerability>> known = new HashMap<>();
    Map<String, UpgradePlan> plans = new HashMap<>();
    for (InstalledPackage p : packages) {
      if (!seen.add(p.ecosystem() + '\u0000' + p.name() + '\u0000' + p.version() + '\u0000' + p.manifestPath())) {
        continue;
      }
      Optional<VersionOrder> order = VersionOrders.find(p.ecosystem());
      if (order.isEmpty()) {
        unknownEcosystems.add(p.ecosystem());
        continue;
      }
      if (index == null) {
        index = source.get();
      }
      AdvisoryIndex idx = index;
      if (!idx.covers(p.ecosystem())) {
        uncovered.merge(p.ecosystem(), 1, Integer::sum);
        continue;
      }
      if (!order.get().isValid(p.version())) {
        problems.add(p.manifestPath() + ": " + p.name() + ": cannot compare version '" + p.version() + "'");
        continue;
      }
      // the same package and version in several manifests is matched once
      String key = p.ecosystem() + '\u0000' + p.name() + '\u0000' + p.version();
      List<Vulnerability> vulns = known.computeIfAbsent(key,
          k -> Vulnerability.merge(idx.affecting(p.ecosystem(), p.name(), p.version()), idx,
              p.ecosystem(), p.name(), p.version()));
      // one upgrade for the package, worked out over all its vulnerabilities
      UpgradePlan plan = plans.computeIfAbsent(key,
          k -> UpgradePlanner.plan(idx, p.ecosystem(), p.name(), p.version(), vulns));
      for (Vulnerability v : vulns) {
        out.add(plan.annotate(VulnerabilityFindings.finding(p, v), v.id()));
      }
    }
    unknownEcosystems.forEach(e -> problems.add("no advisories for ecosystem '" + e + "'"));
    uncovered.forEach((e, n) -> problems.add("advisory database has no " + e + " data: " + n
        + " package(s) not checked (run `bulwark db update` with " + e + " advisories)"));
    return out;
  }
}
