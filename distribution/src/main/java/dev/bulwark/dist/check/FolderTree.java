package dev.bulwark.dist.check;

import dev.bulwark.cli.scan.GitIgnore;
import dev.bulwark.server.embedded.LocalTree;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A folder on disk as {@code bulwark scan} would send it: every regular file, {@code .git} and
 * what {@code .gitignore} excludes left out.
 */
public final class FolderTree implements LocalTree {
  private final Path root;
  private final Map<String, Long> sizes = new LinkedHashMap<>();

  public FolderTree(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    var ignore = new GitIgnore(this.root);
    Files.walkFileTree(this.root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(FolderTree.this.root)) {
          return FileVisitResult.CONTINUE;
        }
        return dir.getFileName().toString().equals(".git") || ignore.ignored(relative(dir), true)
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = relative(file);
        if (attrs.isRegularFile() && !ignore.ignored(rel, false)) {
          sizes.put(rel, attrs.size());
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
  }

  public Path root() {
    return root;
  }

  /** The relative path of a file of this folder, or empty when it is outside it or left out. */
  public Optional<String> relativePath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(root)) {
      return Optional.empty();
    }
    return Optional.of(relative(abs)).filter(sizes::containsKey);
  }

  @Override
  public List<String> paths() {
    return List.copyOf(sizes.keySet());
  }

  @Override
  public long size(String path) {
    return sizes.getOrDefault(path, -1L);
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    return sizes.containsKey(path) ? Optional.of(Files.readAllBytes(root.resolve(path))) : Optional.empty();
  }

  private String relative(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
