package dev.bulwark.dist.feeds;

import dev.bulwark.advisories.ecosystem.ManifestEcosystems;
import dev.bulwark.cli.scan.TreeSelection;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The package ecosystems a tree uses, as OSV names them ("Maven", "npm", "PyPI", ...): its
 * manifests and lockfiles, chosen as the scan chooses files ({@link TreeSelection}) and read by
 * the SCA scanner's own parsers ({@link ManifestEcosystems}, found on the classpath), so exactly
 * the ecosystems the scan will match are fetched.
 */
public final class TreeEcosystems {
  /** Manifests larger than this are not read here (the scan still reads them). */
  private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

  private TreeEcosystems() {}

  public static Set<String> of(Path tree, List<Path> excluded) throws IOException {
    var finders = ManifestEcosystems.installed();
    if (finders.isEmpty()) {
      return Set.of();
    }
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
        if (attrs.isRegularFile() && attrs.size() <= MAX_MANIFEST_BYTES && finders.stream().anyMatch(f -> f.isManifest(rel))
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
    return ManifestEcosystems.of(finders, manifests);
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
