package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.v1.FileEntry;
import java.io.IOException;
import java.util.ArrayList;
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
 * (pip exports of the lock), and {@code pom.xml} beside {@code gradle.lockfile}. package.json,
 * Cargo.toml, Gemfile, composer.json and pyproject.toml are not parsed at all (their lockfiles
 * always win); package.json is only read, through the tree, to tell direct npm dependencies
 * for yarn.lock and v1 package-lock.json. Files named by another file ({@code -r}, a parent
 * pom) are read through a {@link ManifestSource} backed by the same tree.
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
      new ConanLockParser());

  /** Manifest parser name → lockfile names that, in the same folder, make it redundant. */
  static final Map<String, List<String>> SUPERSEDED_BY = Map.of(
      "pip-requirements", List.of("poetry.lock", "Pipfile.lock", "uv.lock"),
      "maven-pom", List.of("gradle.lockfile"));

  private Inventory() {}

  /** The parser that handles this path, if any. */
  public static Optional<LockfileParser> parserFor(String path) {
    return PARSERS.stream().filter(p -> p.required(path)).findFirst();
  }

  /** Inventory of the files of a scan task: selects, prefetches in one round trip, parses. */
  public static InventoryResult collect(ScanWorkspace ws) throws IOException {
    List<FileEntry> selected = ws.select(path -> parserFor(path).isPresent());
    ws.prefetch(selected);
    var problems = new ArrayList<String>();
    var files = new LinkedHashMap<String, byte[]>();
    for (FileEntry f : selected) {
      try {
        files.put(f.getPath(), ws.read(f));
      } catch (IOException e) {
        problems.add(f.getPath() + ": could not be read: " + e.getMessage());
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
        return Optional.empty();
      }
    };
    InventoryResult result = collect(files.keySet(), files::get, tree, ws::cancelled);
    problems.addAll(result.problems());
    return new InventoryResult(result.packages(), problems);
  }

  /** Inventory of an in-memory tree (relative path → bytes), for tests and benchmarks. */
  public static InventoryResult collect(Map<String, byte[]> files) {
    ManifestSource tree = relative -> Optional.ofNullable(files.get(relative));
    var selected = files.keySet().stream().filter(p -> parserFor(p).isPresent()).toList();
    return collect(selected, files::get, tree, () -> false);
  }

  private static InventoryResult collect(Iterable<String> paths, Function<String, byte[]> content,
      ManifestSource tree, BooleanSupplier cancelled) {
    var sorted = new TreeMap<String, LockfileParser>();
    var present = new LinkedHashSet<String>();
    for (String path : paths) {
      present.add(path);
      parserFor(path).ifPresent(p -> sorted.put(path, p));
    }
    var packages = new LinkedHashSet<InstalledPackage>();
    var problems = new ArrayList<String>();
    for (var e : sorted.entrySet()) {
      String path = e.getKey();
      LockfileParser parser = e.getValue();
      if (cancelled.getAsBoolean()) {
        problems.add("inventory stopped early: the scan was cancelled");
        break;
      }
      if (superseded(path, parser, present)) {
        continue;
      }
      try {
        ParseResult r = parser.parse(path, content.apply(path), tree);
        packages.addAll(r.packages());
        problems.addAll(r.problems());
      } catch (RuntimeException ex) { // a parser bug must not lose the other files
        problems.add(path + ": " + parser.name() + " failed: " + ex);
      }
    }
    return new InventoryResult(new ArrayList<>(packages), problems);
  }

  private static boolean superseded(String path, LockfileParser parser, Set<String> present) {
    String folder = Texts.folder(path);
    for (String lock : SUPERSEDED_BY.getOrDefault(parser.name(), List.of())) {
      if (present.contains(folder.isEmpty() ? lock : folder + "/" + lock)) {
        return true;
      }
    }
    return false;
  }
}
