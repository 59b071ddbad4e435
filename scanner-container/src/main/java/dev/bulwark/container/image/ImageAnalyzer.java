package dev.bulwark.container.image;

import dev.bulwark.artifacts.EmbeddedPackageDatabase;
import dev.bulwark.artifacts.GoBinaries;
import dev.bulwark.artifacts.JavaArchives;
import dev.bulwark.artifacts.LanguagePackageDatabases;
import dev.bulwark.artifacts.PackageDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventories a container image archive: reads the layers ({@link ImageReader}), detects the
 * distribution ({@link OsInfo}) and lists the packages of every {@link PackageDatabase} in the
 * registry below, each with the layer that first installed it.
 */
public final class ImageAnalyzer {
  private static final List<String> OS_FILES = List.of("etc/os-release", "usr/lib/os-release", "etc/alpine-release",
      "etc/debian_version");

  private final ImageLimits limits;
  private final LayerCache cache;
  // The registry of package databases: one line per format.
  private final List<PackageDatabase> databases = List.of(
      new DpkgDatabase(),
      new ApkDatabase(),
      new RpmSqliteDatabase(),
      new LanguagePackageDatabases.NodeModules(),
      new LanguagePackageDatabases.PythonPackages(),
      new JavaArchives(),
      new GoBinaries());

  /** An analyzer that reads every layer of every image. */
  public ImageAnalyzer(ImageLimits limits) {
    this(limits, LayerCache.none());
  }

  /** An analyzer that keeps each layer's reading in the cache, keyed with {@link #version()}. */
  public ImageAnalyzer(ImageLimits limits, LayerCache cache) {
    this.limits = limits;
    this.cache = cache;
  }

  public LayerCache cache() {
    return cache;
  }

  public String name() {
    return "image";
  }

  public String version() {
    var v = new StringBuilder("1");
    databases.forEach(d -> v.append('.').append(d.version()));
    return v.toString();
  }

  public List<PackageDatabase> databases() {
    return databases;
  }

  public ImageInventory analyze(Path archive, String imageName) throws IOException, HostileImageException {
    // First layer (and path) that showed each package at each version.
    Map<String, String[]> firstSeen = new HashMap<>();
    var embedded = databases.stream().filter(EmbeddedPackageDatabase.class::isInstance)
        .map(EmbeddedPackageDatabase.class::cast).toList();
    var reader = new ImageReader(limits, p -> OS_FILES.contains(p) || databases.stream().anyMatch(d -> d.wants(p)),
        embedded, cache, name() + "@" + version());
    var image = reader.read(archive, (layer, captured, fs) -> {
      for (String path : captured) {
        var bytes = fs.read(path);
        for (var db : databases) {
          if (bytes.isPresent() && db.reads(path, bytes.get())) {
            db.parse(path, bytes.get()).forEach(e -> firstSeen.putIfAbsent(key(db, e), new String[] {layer, path}));
          }
        }
      }
    });
    var fs = image.fs();
    var os = OsInfo.detect(fs);
    var packages = new ArrayList<InventoryPackage>();
    var notes = new ArrayList<String>();
    var paths = fs.paths();
    for (var db : databases) {
      for (var entry : paths) {
        // an embedded database's record is the file's own (not reached through a symlink: no double count)
        var bytes = db instanceof EmbeddedPackageDatabase
            ? fs.node(entry).map(LayeredFileSystem.Node::content) : db.wants(entry) ? fs.read(entry) : Optional.<byte[]>empty();
        if (bytes.isEmpty() || !db.reads(entry, bytes.get())) {
          continue;
        }
        String ecosystem = db.ecosystem().or(() -> os.flatMap(OsInfo::ecosystem)).orElse("");
        if (ecosystem.isEmpty()) {
          notes.add(db.name() + " database " + entry + " found, but the distribution "
              + os.map(OsInfo::id).orElse("(unknown)") + " has no OSV ecosystem");
          continue;
        }
        String release = db.ecosystem().isPresent() ? "" : os.map(OsInfo::osvRelease).orElse("");
        for (var e : db.parse(entry, bytes.get())) {
          String[] seen = firstSeen.getOrDefault(key(db, e), new String[] {fs.resolve(entry).get().layer(), entry});
          String where = e.location().isEmpty() ? entry : entry + "!/" + e.location();
          packages.add(new InventoryPackage(ecosystem, release, e.name(), e.sourceName(), e.version(),
              e.sourceVersion(), seen[0], where, e.confidence()));
        }
        db.problems(entry, bytes.get()).forEach(p -> notes.add(entry + ": " + p)); // after parse: it may record them
      }
    }
    notes.addAll(RpmDatabases.unsupported(fs));
    return new ImageInventory(imageName, image.format(), image.layers(), os, packages, notes);
  }

  private static String key(PackageDatabase db, PackageDatabase.Entry e) {
    return db.name() + "\0" + e.name() + "\0" + e.version();
  }
}
