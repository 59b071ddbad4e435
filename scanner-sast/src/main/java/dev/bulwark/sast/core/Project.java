package dev.bulwark.sast.core;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Facts about the whole scanned tree that single-file analyzers may use: the keys of its
 * {@code .properties} files (so {@code props.getProperty("hashAlg", "SHA-256")} resolves to the
 * value the project really configures), the paths of its files by name and a way to read them
 * (so a call into another file can be followed), and state an analyzer keeps for one scan.
 */
public final class Project {
  /** A project that knows nothing and reads nothing (single-file analysis). */
  public static final Project EMPTY = new Project();

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, List<String>> pathsByName = new HashMap<>();
  private final Map<String, List<String>> pathsByDir = new HashMap<>();
  private final Map<Class<?>, Object> shared = new HashMap<>();
  private final Function<String, Optional<String>> reader;

  public Project() {
    this(path -> Optional.empty());
  }

  /** @param reader the text of a file of the tree by its relative path, empty when unreadable */
  public Project(Function<String, Optional<String>> reader) {
    this.reader = reader;
  }

  /** Adds the keys of one {@code .properties} file; unreadable content is ignored. */
  public synchronized void addProperties(String text) {
    var p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (Exception | Error e) {
      return;
    }
    p.stringPropertyNames().forEach(k -> properties.putIfAbsent(k, p.getProperty(k)));
  }

  public synchronized Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /** Records that the tree has a file at this relative path. */
  public synchronized void addPath(String path) {
    pathsByName.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(path);
    pathsByDir.computeIfAbsent(path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/')),
        k -> new ArrayList<>()).add(path);
  }

  /** The paths of the tree's files directly in this folder ("" for the root), in order added. */
  public synchronized List<String> pathsIn(String dir) {
    return List.copyOf(pathsByDir.getOrDefault(dir, List.of()));
  }

  /** The paths of all the tree's files, in order added. */
  public synchronized List<String> paths() {
    var all = new ArrayList<String>();
    pathsByName.values().forEach(all::addAll);
    return all;
  }

  /** The paths of the tree's files with this file name (e.g. {@code "Helper.java"}), in order added. */
  public synchronized List<String> pathsNamed(String fileName) {
    return List.copyOf(pathsByName.getOrDefault(fileName, List.of()));
  }

  /** The text of a file of the tree, empty when it is binary, absent or unreadable. */
  public Optional<String> read(String path) {
    try {
      return reader.apply(path);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The analyzer state of this type for this scan, created on first use. */
  public synchronized <T> T shared(Class<T> type, Supplier<T> create) {
    return type.cast(shared.computeIfAbsent(type, k -> create.get()));
  }
}
