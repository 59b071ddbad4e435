package dev.bulwark.sast.lang;

import java.util.ArrayDeque;

/** Relative path arithmetic for import resolution ('/'-separated, within the scanned tree). */
public final class Paths {
  private Paths() {}

  public static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** {@code base/relative}, normalised; null when it leaves the tree. */
  public static String join(String base, String relative) {
    var parts = new ArrayDeque<String>();
    for (String s : (base.isEmpty() ? relative : base + "/" + relative).split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return String.join("/", parts);
  }
}
