package dev.bulwark.container.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The image's merged root file system, in memory: every path with its type and the layer that
 * wrote it, and the content of the few files the analyzers asked for. Paths are normalised,
 * relative, '/'-separated ("etc/os-release"); nothing is ever written to disk, so no entry can
 * escape a root, but escapes are still detected and refused (see {@link ImageReader}).
 */
public final class LayeredFileSystem {
  /** What a path is. */
  public enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

  /**
   * One path of the merged tree.
   *
   * @param linkTarget symlink target as written (may be absolute: relative to the image root)
   * @param content    the bytes, only for captured files
   */
  public record Node(Type type, String layer, String linkTarget, byte[] content) {}

  private static final int MAX_LINK_HOPS = 40;
  private final TreeMap<String, Node> nodes = new TreeMap<>();

  void put(String path, Node node) {
    nodes.put(path, node);
  }

  Optional<Node> node(String path) {
    return Optional.ofNullable(nodes.get(path));
  }

  /** Removes the path and everything below it (a whiteout). */
  void remove(String path) {
    nodes.remove(path);
    removeChildren(path);
  }

  /** Removes everything below the directory but keeps it (an opaque whiteout). */
  void removeChildren(String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    if (prefix.isEmpty()) {
      nodes.clear();
      return;
    }
    String first = nodes.ceilingKey(prefix);
    if (first != null && first.startsWith(prefix)) { // most paths have no children: skip the sub-map
      nodes.subMap(prefix, prefix + Character.MAX_VALUE).clear();
    }
  }

  public int size() {
    return nodes.size();
  }

  public boolean exists(String path) {
    return resolve(path).isPresent();
  }

  /** The node at the path after following symlinks (in any directory of the path) inside the image. */
  public Optional<Node> resolve(String path) {
    String current = Paths.normalise(path).orElse(null);
    for (int hops = 0; current != null && hops < MAX_LINK_HOPS; hops++) {
      String resolved = resolveParents(current);
      if (resolved == null) {
        return Optional.empty();
      }
      Node n = nodes.get(resolved);
      if (n == null || n.type() != Type.SYMLINK) {
        return Optional.ofNullable(n);
      }
      current = Paths.resolveLink(resolved, n.linkTarget()).orElse(null);
    }
    return Optional.empty();
  }

  /** Follows symlinked directories in the parents of the path. */
  private String resolveParents(String path) {
    String[] parts = path.split("/");
    String prefix = "";
    for (int i = 0; i < parts.length - 1; i++) {
      String dir = prefix.isEmpty() ? parts[i] : prefix + "/" + parts[i];
      for (int hops = 0; hops < MAX_LINK_HOPS; hops++) {
        Node n = nodes.get(dir);
        if (n == null || n.type() != Type.SYMLINK) {
          break;
        }
        dir = Paths.resolveLink(dir, n.linkTarget()).orElse(null);
        if (dir == null) {
          return null;
        }
      }
      prefix = dir;
    }
    return prefix.isEmpty() ? parts[parts.length - 1] : prefix + "/" + parts[parts.length - 1];
  }

  /** Captured content of the file (after symlinks), if it was captured. */
  public Optional<byte[]> read(String path) {
    return resolve(path).filter(n -> n.type() == Type.FILE && n.content() != null).map(Node::content);
  }

  /** Captured regular files directly or deeply below the directory, by path. */
  public Map<String, Node> filesUnder(String dir) {
    var out = new TreeMap<String, Node>();
    String prefix = dir + "/";
    nodes.subMap(prefix, prefix + Character.MAX_VALUE).forEach((p, n) -> {
      if (n.type() == Type.FILE && n.content() != null) {
        out.put(p, n);
      }
    });
    return out;
  }

  /** All paths, for tests and diagnostics. */
  public List<String> paths() {
    return new ArrayList<>(nodes.keySet());
  }
}
