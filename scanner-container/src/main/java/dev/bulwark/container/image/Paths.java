package dev.bulwark.container.image;

import java.util.ArrayDeque;
import java.util.Optional;

/** Path arithmetic inside an image root, where nothing may climb above the root. */
final class Paths {
  private Paths() {}

  /**
   * "./etc//os-release" → "etc/os-release". Empty when the path climbs above the root with "..".
   * A leading '/' is dropped: inside an image, absolute means relative to the image root.
   */
  static Optional<String> normalise(String path) {
    var parts = new ArrayDeque<String>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /** Where a symlink at {@code linkPath} with this target points; empty when it points above the root. */
  static Optional<String> resolveLink(String linkPath, String target) {
    if (target.startsWith("/")) {
      return normalise(target);
    }
    int slash = linkPath.lastIndexOf('/');
    String dir = slash < 0 ? "" : linkPath.substring(0, slash);
    return normalise(dir.isEmpty() ? target : dir + "/" + target);
  }
}
