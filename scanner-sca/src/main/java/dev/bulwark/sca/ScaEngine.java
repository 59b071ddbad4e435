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
import dev.bulwark.v1.UnitResult;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.sca.inventory.Inventory;
import dev.bulwark.sca.inventory.UnitResults;
import dev.bulwark.server.scanner.results.BuildStamp;
import dev.bulwark.server.scanner.results.ResultCache;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

  /**
   * The scanner, its matching analyzer and every manifest parser with their versions, the build:
   * what an inventory or a manifest's matches depend on besides its input. The advisory
   * database is not in it: it goes into each match's input, so an update re-matches every
   * manifest but parses none again.
   */
  @Override
  public Optional<String> resultKey() {
    var key = new StringBuilder("sca/").append(VERSION).append(' ').append(VulnerabilityFindings.ANALYZER)
        .append('@').append(VulnerabilityFindings.ANALYZER_VERSION).append(" build=").append(BuildStamp.of(ScaEngine.class));
    Inventory.PARSERS.forEach(p -> key.append(' ').append(p.name()).append('@').append(p.version()));
    return Optional.of(key.toString());
  }

  /**
   * The result key, what the packages depend on besides the tree ({@link PackageSource#fingerprint()}:
   * the Maven repositories and settings) and the advisory database's digests: an update or an
   * import answers again. Cheap: the store's catalog is in memory, no record is read.
   */
  @Override
  public Optional<String> answerKey() {
    var source = packages.fingerprint();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(resultKey().orElseThrow() + "\nsource=" + source.get() + "\ndatabase="
        + store.map(ScaEngine::databaseVersion).orElse("none"));
  }

  @Override
  public boolean relevant(dev.bulwark.v1.FileEntry file) {
    return packages.relevant(file);
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
    var results = workspace == null ? ResultCache.OFF : workspace.results();
    // the store's records are read at the first package to look up: a tree without packages, or
    // whose manifests' matches are all kept, never reads them
    for (Finding f : match(store.get()::index, databaseVersion(store.get()), found.packages(), problems, results)) {
      if (workspace != null && workspace.cancelled()) {
        break;
      }
      sink.accept(f);
    }
    return ScanOutcome.of(problems, found.filesScanned());
  }

  /** The advisory data matched against: each ecosystem's content digest. */
  static String databaseVersion(AdvisoryStore store) {
    var version = new StringBuilder();
    store.ecosystems().forEach(e -> version.append(e.name()).append('=').append(e.sha256()).append('\n'));
    return version.toString();
  }

  /** Where the index comes from: asked once, at the first package of a known ecosystem. */
  @FunctionalInterface
  interface IndexSource {
    AdvisoryIndex get() throws IOException;
  }

  /** Matches packages against the index without a results cache. */
  static List<Finding> match(IndexSource source, List<InstalledPackage> packages, List<String> problems)
      throws IOException {
    return match(source, "", packages, problems, ResultCache.OFF);
  }

  /**
   * Matches packages against the index, one manifest at a time (a manifest's matches depend on
   * its packages and the database only); each manifest's matches are kept in {@code results}
   * under its packages and {@code databaseVersion}. Unknown ecosystems and bad versions become
   * problems, worded over all manifests.
   */
  static List<Finding> match(IndexSource source, String databaseVersion, List<InstalledPackage> packages,
      List<String> problems, ResultCache results) throws IOException {
    var index = new IndexSource() {
      AdvisoryIndex loaded;

      @Override
      public AdvisoryIndex get() throws IOException {
        if (loaded == null) {
          loaded = source.get();
        }
        return loaded;
      }
    };
    var byManifest = new LinkedHashMap<String, List<InstalledPackage>>();
    for (InstalledPackage p : packages) {
      byManifest.computeIfAbsent(String.valueOf(p.manifestPath()), k -> new ArrayList<>()).add(p);
    }
    var memo = new Memo();
    var out = new ArrayList<Finding>();
    Set<String> unknownEcosystems = new LinkedHashSet<>();
    Map<String, Integer> uncovered = new TreeMap<>();
    for (var manifest : byManifest.entrySet()) {
      String unit = MATCHES + manifest.getKey();
      String input = matchInput(databaseVersion, manifest.getValue());
      UnitResult r = results.lookup(unit, input, d -> "").orElse(null);
      if (r == null) {
        var made = matchManifest(index, manifest.getValue(), memo);
        results.save(unit, input, made, List.of(), d -> "");
        r = made.build();
      }
      out.addAll(r.getFindingsList());
      problems.addAll(r.getProblemsList());
      new TreeMap<>(r.getCountsMap()).forEach((k, n) -> {
        if (k.startsWith(UNKNOWN)) {
          unknownEcosystems.add(k.substring(UNKNOWN.length()));
        } else if (k.startsWith(UNCOVERED)) {
          uncovered.merge(k.substring(UNCOVERED.length()), n, Integer::sum);
        }
      });
    }
    unknownEcosystems.forEach(e -> problems.add("no advisories for ecosystem '" + e + "'"));
    uncovered.forEach((e, n) -> problems.add("advisory database has no " + e + " data: " + n
        + " package(s) not checked (run `bulwark db update` with " + e + " advisories)"));
    return out;
  }

  /** Results-cache unit of a manifest's matches; tallies of ecosystems not matched. */
  private static final String MATCHES = "matches:";
  private static final String UNKNOWN = "unknown:";
  private static final String UNCOVERED = "uncovered:";

  /** Vulnerabilities and upgrade plans per package and version, worked out once per scan. */
  private static final class Memo {
    final Map<String, List<Vulnerability>> known = new HashMap<>();
    final Map<String, UpgradePlan> plans = new HashMap<>();
  }

  /** What a manifest's matches are made from: the database, and each package as declared. */
  private static String matchInput(String databaseVersion, List<InstalledPackage> packages) {
    var digest = Digests.sha256();
    digest.update(databaseVersion.getBytes(StandardCharsets.UTF_8));
    for (InstalledPackage p : packages) {
      digest.update(UnitResults.declared(p).toByteArray());
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** One manifest's packages matched: findings, version problems, and tallies of ecosystems not matched. */
  private static UnitResult.Builder matchManifest(IndexSource source, List<InstalledPackage> packages, Memo memo)
      throws IOException {
    var result = UnitResult.newBuilder().setAnalysed(true);
    Set<String> seen = new HashSet<>();
    for (InstalledPackage p : packages) {
      if (!seen.add(p.ecosystem() + '\u0000' + p.name() + '\u0000' + p.version())) {
        continue;
      }
      Optional<VersionOrder> order = VersionOrders.find(p.ecosystem());
      if (order.isEmpty()) {
        result.putCounts(UNKNOWN + p.ecosystem(), 1);
        continue;
      }
      AdvisoryIndex idx = source.get();
      if (!idx.covers(p.ecosystem())) {
        result.putCounts(UNCOVERED + p.ecosystem(), result.getCountsOrDefault(UNCOVERED + p.ecosystem(), 0) + 1);
        continue;
      }
      if (!order.get().isValid(p.version())) {
        result.addProblems(p.manifestPath() + ": " + p.name() + ": cannot compare version '" + p.version() + "'");
        continue;
      }
      // the same package and version in several manifests is matched once
      String key = p.ecosystem() + '\u0000' + p.name() + '\u0000' + p.version();
      List<Vulnerability> vulns = memo.known.computeIfAbsent(key,
          k -> Vulnerability.merge(idx.affecting(p.ecosystem(), p.name(), p.version()), idx,
              p.ecosystem(), p.name(), p.version()));
      // one upgrade for the package, worked out over all its vulnerabilities
      UpgradePlan plan = memo.plans.computeIfAbsent(key,
          k -> UpgradePlanner.plan(idx, p.ecosystem(), p.name(), p.version(), vulns));
      for (Vulnerability v : vulns) {
        result.addFindings(plan.annotate(VulnerabilityFindings.finding(p, v), v.id()));
      }
    }
    return result;
  }
}
