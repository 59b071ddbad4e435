package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.results.ResultCache;
import dev.bulwark.server.scanner.results.TreeFacts;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The registry of manifest and lockfile parsers, and the inventory of a scanned tree.
 *
 * <p>Each file is parsed once, by the first parser in {@link #PARSERS} whose
 * {@code required(path)} accepts it. The lockfile-over-manifest rule is applied per folder: a
 * manifest is skipped when a lockfile of the same ecosystem sits beside it, because the lockfile
 * has the installed versions (see {@link #SUPERSEDED_BY}). Today that concerns
 * {@code requirements.txt} beside {@code poetry.lock}, {@code Pipfile.lock} or {@code uv.lock}
 * (pip exports of the lock), and {@code pom.xml} beside {@code gradle.lockfile}. Manifests whose
 * lockfile may sit higher up (package.json, composer.json, Gemfile, pyproject.toml, setup.cfg:
 * workspaces keep one lockfile at their root) are read only when no lockfile of theirs is in
 * their folder or above it, and then say that it is missing ({@link ManifestPins}).
 * package.json is also read, through the tree, to tell direct npm dependencies for yarn.lock
 * and v1 package-lock.json. Files named by another file ({@code -r}, a parent pom) are read
 * through a {@link ManifestSource} backed by the same tree.
 */
public final class Inventory {
  /** Adding a format is one class and one line here. Order decides who gets a file first. */
  public static final List<LockfileParser> PARSERS = List.of(
      new NpmPackageLockParser(),
      new YarnLockParser(),
      new PnpmLockParser(),
      new RequirementsTxtParser(),
      new PoetryLockParser(),
      new PipfileLockParser(),
      new UvLockParser(),
      new GoModParser(),
      new CargoLockParser(),
      new GemfileLockParser(),
      new ComposerLockParser(),
      new MavenPomParser(),
      new GradleLockfileParser(),
      new GradleVerificationMetadataParser(),
      new NugetPackagesLockParser(),
      new PubspecLockParser(),
      new MixLockParser(),
      new ConanLockParser(),
      new PackageJsonParser(),
      new ComposerJsonParser(),
      new GemfileParser(),
      new PyprojectParser(),
      new SetupCfgParser(),
      new NugetProjectParser(),
      new PackagesConfigParser(),
      new CycloneDxParser(),
      new SpdxJsonParser());

  /** Manifest parser name → lockfile names that, in the same folder, make it redundant. */
  static final Map<String, List<String>> SUPERSEDED_BY = Map.of(
      "pip-requirements", List.of("poetry.lock", "Pipfile.lock", "uv.lock"),
      "maven-pom", List.of("gradle.lockfile"),
      "npm-manifest", List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"),
      "composer-manifest", List.of("composer.lock"),
      "gemfile", List.of("Gemfile.lock"),
      "pyproject", List.of("poetry.lock", "uv.lock", "Pipfile.lock", "requirements.txt"),
      "setup-cfg", List.of("poetry.lock", "uv.lock", "Pipfile.lock", "requirements.txt"),
      "nuget-project", List.of("packages.lock.json", "packages.config"),
      "gradle-build", List.of("gradle.lockfile"));

  /** Manifests whose lockfile governs them from a folder above too (a workspace's root). */
  private static final Set<String> LOCKED_FROM_ABOVE =
      Set.of("npm-manifest", "composer-manifest", "gemfile", "pyproject", "setup-cfg", "gradle-build");

  /** Results-cache unit name of a built artifact's read (a manifest's parse is named by its path). */
  private static final String BINARY = "binary:";
  /** Results-cache unit name of a build's resolution (all its files at once). */
  private static final String BUILD = "build:";

  private Inventory() {}

  /** The parser that handles this path, if any. */
  public static Optional<LockfileParser> parserFor(String path) {
    return PARSERS.stream().filter(p -> p.required(path)).findFirst();
  }

  /** Inventory of the files of a scan task: selects, prefetches in one round trip, parses. */
  public static InventoryResult collect(ScanWorkspace ws) throws IOException {
    return collect(ws, List.of());
  }

  /** Whether some parser or build resolver reads the file. */
  public static boolean wanted(String path, List<BuildResolver> builds) {
    return parserFor(path).isPresent() || builds.stream().anyMatch(b -> b.required(path));
  }

  /**
   * Whether the inventory could read this file of a tree or let it change the packages: a file
   * some parser or build resolver reads, or a built artifact it opens (by name, size and mode).
   * Files named by another ({@code -r}, a parent pom elsewhere) are read through the workspace,
   * which records them.
   */
  public static boolean relevant(FileEntry file, List<BuildResolver> builds) {
    return wanted(file.getPath(), builds)
        || BinaryArtifacts.analyzer(file.getPath(), file.getDigest().getSizeBytes(), file.getMode()).isPresent();
  }

  /**
   * As {@link #collect(ScanWorkspace)}, with build resolvers (Maven) that take their files first;
   * what they hand back is parsed per file. Each file's parse and each built artifact's read is
   * kept in the workspace's results cache with the files it read ({@code read:<path>}), so a file
   * whose content and reads did not change is neither fetched nor parsed again. A build file's
   * resolution is kept only when its resolver says what else it read ({@link BuildResolver#fingerprint()})
   * and that resolution is reproducible (see {@link #resolveKept}).
   */
  public static InventoryResult collect(ScanWorkspace ws, List<BuildResolver> builds) throws IOException {
    List<FileEntry> selected = ws.select(path -> wanted(path, builds));
    var cache = ws.results();
    var facts = new TreeFacts(ws.files());
    // files a build resolver takes are fetched for it, and looked up only if it hands them back
    var kept = new HashMap<String, ParseResult>();
    var forBuilds = new HashSet<String>();
    for (FileEntry f : selected) {
      if (builds.stream().anyMatch(b -> b.required(f.getPath()))) {
        forBuilds.add(f.getPath());
      } else if (parserFor(f.getPath()).isPresent()) {
        cache.lookup(f.getPath(), f.getDigest().getHash(), facts)
            .ifPresent(r -> kept.put(f.getPath(), UnitResults.parseResult(r)));
      }
    }
    var fetched = selected.stream().filter(f -> !kept.containsKey(f.getPath()) || forBuilds.contains(f.getPath()))
        .toList();
    ws.prefetch(fetched);
    var problems = new ArrayList<String>();
    var files = new HashMap<String, byte[]>();
    var digests = new HashMap<String, String>();
    for (FileEntry f : selected) {
      digests.put(f.getPath(), f.getDigest().getHash());
    }
    for (FileEntry f : fetched) {
      try {
        files.put(f.getPath(), ws.read(f));
      } catch (IOException e) {
        problems.add(f.getPath() + ": could not be read: " + e.getMessage());
        ws.irreproducible(f.getPath() + " could not be read");
      }
    }
    ManifestSource tree = relative -> {
      if (files.containsKey(relative)) {
        return Optional.of(files.get(relative));
      }
      try {
        var entry = ws.file(relative);
        return entry.isPresent() ? Optional.of(ws.read(entry.get())) : Optional.empty();
      } catch (IOException e) {
        ws.irreproducible(relative + " could not be read");
        return Optional.empty();
      }
    };
    PerFile parse = (path, parser) -> {
      if (forBuilds.contains(path)) {
        cache.lookup(path, digests.get(path), facts).ifPresent(r -> kept.put(path, UnitResults.parseResult(r)));
      }
      if (kept.containsKey(path)) {
        return kept.get(path);
      }
      var reads = new LinkedHashSet<String>();
      ManifestSource recording = relative -> {
        reads.add(TreeFacts.read(relative));
        return tree.read(relative);
      };
      ParseResult r = parser.parse(path, files.get(path), recording);
      cache.save(path, digests.get(path), UnitResults.of(r), reads, facts);
      return r;
    };
    var readable = new LinkedHashSet<String>();
    selected.stream().map(FileEntry::getPath).filter(p -> kept.containsKey(p) || files.containsKey(p))
        .forEach(readable::add);
    PerBuild resolve = (build, mine) -> resolveKept(build, mine, tree, digests, cache, facts, ws);
    InventoryResult result = collect(readable, files::get, tree, ws::cancelled, builds, parse, resolve);
    problems.addAll(result.problems());
    var packages = new ArrayList<>(result.packages());
    binaries(ws, packages, problems);
    return new InventoryResult(packages, problems);
  }

  /** Parses one file (or replays its kept result); never throws for bad input. */
  @FunctionalInterface
  private interface PerFile {
    ParseResult parse(String path, LockfileParser parser);
  }

  /** Resolves one build's files (or replays its kept result). */
  @FunctionalInterface
  private interface PerBuild {
    BuildResolver.Result resolve(BuildResolver build, Map<String, byte[]> files);
  }

  /**
   * A build's resolution, each file's kept under the build's files (paths and digests) and the
   * resolver's fingerprint (repositories, settings) when the resolver allows it and that file's
   * resolution is reproducible: only the files without a kept resolution are resolved (in a build
   * of all the files); any file of the build changing, added or removed resolves them all again.
   * A resolution that may not be kept makes the scan's whole answer irreproducible too.
   */
  private static BuildResolver.Result resolveKept(BuildResolver build, Map<String, byte[]> files, ManifestSource tree,
      Map<String, String> digests, ResultCache cache, TreeFacts facts, ScanWorkspace ws) {
    var fingerprint = build.fingerprint();
    if (fingerprint.isEmpty() || !cache.enabled()) {
      ws.irreproducible(build.name() + " resolution is not kept");
      return build.resolve(files, tree);
    }
    var input = new StringBuilder(fingerprint.get()).append('\n');
    var paths = new TreeMap<>(files).keySet();
    paths.forEach(p -> input.append(p).append(' ').append(digests.get(p)).append('\n'));
    String digest = Digests.sha256Hex(input.toString());
    var kept = new HashMap<String, List<InstalledPackage>>();
    for (String path : paths) {
      cache.lookup(BUILD + build.name() + ":" + path, digest, facts)
          .ifPresent(r -> kept.put(path, UnitResults.parseResult(r).packages()));
    }
    var wanted = paths.stream().filter(p -> !kept.containsKey(p)).collect(java.util.stream.Collectors.toSet());
    var resolved = wanted.isEmpty() ? new BuildResolver.Result(List.of(), List.of(), Set.of())
        : build.resolve(files, tree, wanted);
    // each file's packages, in the files' order, as one resolution of them all lists them
    var packages = new ArrayList<InstalledPackage>();
    var placed = new HashSet<InstalledPackage>();
    for (String path : paths) {
      if (kept.containsKey(path)) {
        packages.addAll(kept.get(path));
        continue;
      }
      var mine = resolved.packages().stream().filter(p -> path.equals(p.manifestPath())).toList();
      if (resolved.reproducible().contains(path)) {
        cache.save(BUILD + build.name() + ":" + path, digest, UnitResults.of(new ParseResult(mine, List.of())),
            List.of(), facts);
      } else {
        ws.irreproducible(path + ": " + build.name() + " resolution incomplete or not of released versions only");
      }
      packages.addAll(mine);
      placed.addAll(mine);
    }
    resolved.packages().stream().filter(p -> !placed.contains(p)).forEach(packages::add);
    return new BuildResolver.Result(packages, resolved.problems(), resolved.fallback(), Set.of());
  }

  /**
   * Built artifacts in the tree ({@link BinaryArtifacts}), fetched together, each streamed from the
   * local cache; a kept result (same path and content) is replayed without fetching the file.
   */
  private static void binaries(ScanWorkspace ws, List<InstalledPackage> packages, List<String> problems)
      throws IOException {
    var cache = ws.results();
    var facts = new TreeFacts(ws.files());
    var found = new ArrayList<FileEntry>();
    var kept = new HashMap<String, ParseResult>();
    for (FileEntry f : ws.select(path -> true)) {
      if (BinaryArtifacts.analyzer(f.getPath(), f.getDigest().getSizeBytes(), f.getMode()).isPresent()) {
        found.add(f);
        cache.lookup(BINARY + f.getPath(), f.getDigest().getHash(), facts)
            .ifPresent(r -> kept.put(f.getPath(), UnitResults.parseResult(r)));
      }
    }
    ws.prefetch(found.stream().filter(f -> !kept.containsKey(f.getPath()))
        .filter(f -> f.getDigest().getSizeBytes() <= BinaryArtifacts.MAX_BYTES).toList());
    for (FileEntry f : found) {
      ParseResult r = kept.get(f.getPath());
      if (r == null) {
        var db = BinaryArtifacts.analyzer(f.getPath(), f.getDigest().getSizeBytes(), f.getMode()).orElseThrow();
        long size = f.getDigest().getSizeBytes();
        if (size > BinaryArtifacts.MAX_BYTES) {
          r = BinaryArtifacts.read(db, f.getPath(), InputStream.nullInputStream(), size);
        } else {
          try (InputStream in = java.nio.file.Files.newInputStream(ws.localPath(f))) {
            r = BinaryArtifacts.read(db, f.getPath(), in, size);
          }
        }
        cache.save(BINARY + f.getPath(), f.getDigest().getHash(), UnitResults.of(r), List.of(), facts);
      }
      packages.addAll(r.packages());
      problems.addAll(r.problems());
    }
  }

  /** Inventory of an in-memory tree (relative path → bytes), for tests and benchmarks. */
  public static InventoryResult collect(Map<String, byte[]> files) {
    return collect(files, List.of());
  }

  /** As {@link #collect(Map)}, with build resolvers; files have no mode here, so each counts as executable. */
  public static InventoryResult collect(Map<String, byte[]> files, List<BuildResolver> builds) {
    ManifestSource tree = relative -> Optional.ofNullable(files.get(relative));
    var selected = files.keySet().stream().filter(p -> wanted(p, builds)).toList();
    var result = collect(selected, files::get, tree, () -> false, builds,
        (path, parser) -> parser.parse(path, files.get(path), tree), (build, mine) -> build.resolve(mine, tree));
    var packages = new ArrayList<>(result.packages());
    var problems = new ArrayList<>(result.problems());
    new TreeMap<>(files).forEach((path, bytes) -> BinaryArtifacts.analyzer(path, bytes.length, 0755).ifPresent(db -> {
      var r = BinaryArtifacts.read(db, path, new java.io.ByteArrayInputStream(bytes), bytes.length);
      packages.addAll(r.packages());
      problems.addAll(r.problems());
    }));
    return new InventoryResult(packages, problems);
  }

  private static InventoryResult collect(Iterable<String> paths, Function<String, byte[]> content,
      ManifestSource tree, BooleanSupplier cancelled, List<BuildResolver> builds, PerFile perFile, PerBuild perBuild) {
    var sorted = new TreeMap<String, LockfileParser>();
    var present = new LinkedHashSet<String>();
    for (String path : paths) {
      present.add(path);
      parserFor(path).ifPresent(p -> sorted.put(path, p));
    }
    var packages = new LinkedHashSet<InstalledPackage>();
    var problems = new ArrayList<String>();
    for (BuildResolver build : builds) {
      var mine = new TreeMap<String, byte[]>();
      for (String path : present) {
        if (build.required(path) && !superseded(path, build.name(), present)) {
          mine.put(path, content.apply(path));
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      try {
        BuildResolver.Result r = perBuild.resolve(build, mine);
        packages.addAll(r.packages());
        problems.addAll(r.problems());
        mine.keySet().stream().filter(p -> !r.fallback().contains(p)).forEach(sorted::remove);
      } catch (RuntimeException ex) { // a resolver bug must not lose the files: they are parsed per file
        problems.add(build.name() + " resolution failed: " + ex);
      }
    }
    for (var e : sorted.entrySet()) {
      String path = e.getKey();
      LockfileParser parser = e.getValue();
      if (cancelled.getAsBoolean()) {
        problems.add("inventory stopped early: the scan was cancelled");
        break;
      }
      if (superseded(path, parser.name(), present)) {
        continue;
      }
      try {
        ParseResult r = perFile.parse(path, parser);
        packages.addAll(r.packages());
        problems.addAll(r.problems());
      } catch (RuntimeException ex) { // a parser bug must not lose the other files
        problems.add(path + ": " + parser.name() + " failed: " + ex);
      }
    }
    return new InventoryResult(new ArrayList<>(packages), problems);
  }

  private static boolean superseded(String path, String parser, Set<String> present) {
    String folder = Texts.folder(path);
    while (true) {
      for (String lock : SUPERSEDED_BY.getOrDefault(parser, List.of())) {
        if (present.contains(folder.isEmpty() ? lock : folder + "/" + lock)) {
          return true;
        }
      }
      if (folder.isEmpty() || !LOCKED_FROM_ABOVE.contains(parser)) {
        return false;
      }
      folder = Texts.folder(folder);
    }
  }
}
