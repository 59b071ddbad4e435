package dev.bulwark.server.scanner.results;

import dev.bulwark.v1.FileEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Today's value of the facts of a scanned tree that a cached result may depend on besides its own
 * content ({@link ResultCache#lookup}): {@code read:<path>} is that file's digest ("absent" when the
 * tree has no such file), {@code in:<folder>} the paths of the files directly in that folder, one a
 * line. Engines whose units read other files (a parent pom, a {@code -r} requirements file, the
 * other files of a Terraform module) record these as they read.
 */
public final class TreeFacts implements Function<String, String> {
  public static final String READ = "read:";
  public static final String IN = "in:";

  private final Map<String, String> digests = new HashMap<>();
  private final Map<String, TreeSet<String>> folders = new TreeMap<>();

  public TreeFacts(List<FileEntry> files) {
    for (FileEntry f : files) {
      digests.put(f.getPath(), f.getDigest().getHash());
      folders.computeIfAbsent(folder(f.getPath()), k -> new TreeSet<>()).add(f.getPath());
    }
  }

  /** The dependency on a file's content (or absence). */
  public static String read(String path) {
    return READ + path;
  }

  /** The dependency on which files a folder holds ("" is the root). */
  public static String in(String folder) {
    return IN + folder;
  }

  /** The folder of a '/'-separated relative path; "" for the root. */
  public static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  @Override
  public String apply(String dependency) {
    if (dependency.startsWith(READ)) {
      return digests.getOrDefault(dependency.substring(READ.length()), "absent");
    }
    if (dependency.startsWith(IN)) {
      var paths = folders.get(dependency.substring(IN.length()));
      return paths == null ? "" : String.join("\n", paths);
    }
    throw new IllegalArgumentException("not a tree fact: " + dependency);
  }
}
