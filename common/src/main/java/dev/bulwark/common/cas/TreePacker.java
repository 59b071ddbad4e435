package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a folder into a manifest: every regular file with its relative path, digest and mode.
 * Skips {@code .git} and whatever the {@link IgnoreRules} exclude; never follows symbolic links.
 */
public final class TreePacker {

  /** A packed tree: the manifest entries and where each blob's bytes are on disk. */
  public record PackedTree(List<FileEntry> files, Map<Digest, Path> blobs) {}

  private TreePacker() {}

  public static PackedTree pack(Path root, IgnoreRules ignore) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    var files = new ArrayList<FileEntry>();
    var blobs = new LinkedHashMap<Digest, Path>();
    Files.walkFileTree(base, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(base)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = relative(base, dir);
        return dir.getFileName().toString().equals(".git") || ignore.ignored(rel, true)
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        String rel = relative(base, file);
        if (ignore.ignored(rel, false)) {
          return FileVisitResult.CONTINUE;
        }
        Digest d = Digests.of(file);
        files.add(FileEntry.newBuilder().setPath(rel).setDigest(d).setMode(mode(file)).build());
        blobs.putIfAbsent(d, file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE; // unreadable files are not ours to scan
      }
    });
    files.sort((a, b) -> a.getPath().compareTo(b.getPath()));
    return new PackedTree(List.copyOf(files), blobs);
  }

  static String relative(Path base, Path p) {
    return base.relativize(p).toString().replace('\\', '/');
  }

  private static int mode(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      int mode = 0;
      for (PosixFilePermission p : perms) {
        mode |= 1 << (8 - p.ordinal());
      }
      return mode;
    } catch (UnsupportedOperationException | IOException e) {
      return 0644;
    }
  }
}
