package dev.bulwark.dist.feeds;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.cli.scan.TreeSelection;
import dev.bulwark.sca.inventory.Inventory;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package ecosystems a tree uses, as OSV names them ("Maven", "npm", "PyPI", ...): its
 * manifests and lockfiles, chosen as the scan chooses files ({@link TreeSelection}) and parsed by
 * the SCA scanner's own parsers, so exactly the ecosystems the scan will match are fetched.
 */
public final class TreeEcosystems {
  /** Manifests larger than this are not read here (the scan still reads them). */
  private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

  private TreeEcosystems() {}

  public static Set<String> of(Path tree, List<Path> excluded) throws IOException {
    Path root = tree.toRealPath();
    var selection = TreeSelection.of(root, excluded);
    var manifests = new TreeMap<String, byte[]>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        return dir.getFileName().toString().equals(".git") || selection.ignored(relative(root, dir), true)
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String rel = relative(root, file);
        if (attrs.isRegularFile() && attrs.size() <= MAX_MANIFEST_BYTES && Inventory.parserFor(rel).isPresent()
            && !selection.ignored(rel, false)) {
          manifests.put(rel, Files.readAllBytes(file));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
    return ecosystems(manifests);
  }

  /** The ecosystems of the packages these files (relative path → content) declare. */
  static Set<String> ecosystems(Map<String, byte[]> files) {
    var out = new TreeSet<String>();
    Inventory.collect(files).packages().stream().map(InstalledPackage::ecosystem).forEach(out::add);
    return out;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
