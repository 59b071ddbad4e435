package dev.bulwark.sast.core;

import dev.bulwark.server.scanner.results.TreeFacts;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Facts about the whole scanned tree that single-file analyzers may use: the keys of its
 * {@code .properties} files (so {@code props.getProperty("hashAlg", "SHA-256")} resolves to the
 * value the project really configures), the paths of its files by name and a way to read them
 * (so a call into another file can be followed), and state an analyzer keeps while it works.
 *
 * <p>The engine analyses each file through its own view ({@link #forFile()}): the same facts,
 * fresh {@link #shared} state, and a record of every fact the analysis used
 * ({@link #dependencies()}). A file's findings are therefore a function of its own text and of
 * those facts alone, whatever was analysed before it, which is what lets the results cache
 * replay them while none of those facts changed.
 */
public final class Project {
  /** A project that knows nothing and reads nothing (single-file analysis). */
  public static final Project EMPTY = new Project();

  /** Dependency kinds, as {@link #dependencies()} names them ({@code "read:src/Helper.java"}). */
  public static final String READ = TreeFacts.READ;
  public static final String NAMED = "named:";
  public static final String PROPERTY = "property:";
  public static final String IN = TreeFacts.IN;
  public static final String PATHS = "paths:";

  private final Facts facts;
  private final Map<Class<?>, Object> shared;
  /** What this view's analysis used; null for the scan-wide project, which records nothing. */
  private final Set<String> used;

  public Project() {
    this(path -> Optional.empty());
  }

  /** @param reader the text of a file of the tree by its relative path, empty when unreadable */
  public Project(Function<String, Optional<String>> reader) {
    this.facts = new Facts(reader);
    this.shared = new HashMap<>();
    this.used = null;
  }

  private Project(Facts facts, Map<Class<?>, Object> seeds) {
    this(facts, seeds, Collections.synchronizedSet(new LinkedHashSet<>()));
  }

  private Project(Facts facts, Map<Class<?>, Object> seeds, Set<String> used) {
    this.facts = facts;
    this.shared = new HashMap<>(seeds);
    this.used = used;
  }

  /**
   * A view for analysing one file: the same tree, the scan-wide state set so far (e.g. the
   * secret verification session), fresh state for anything an analyzer creates, and a record
   * of the facts used.
   */
  public Project forFile() {
    synchronized (this) {
      return new Project(facts, shared);
    }
  }

  /**
   * The facts this view's analysis used, each as kind and name: {@link #READ} a file's text,
   * {@link #NAMED} the paths having a file name, {@link #IN} the paths in a folder, {@link #PATHS} all paths,
   * {@link #PROPERTY} a property's value. Empty for the
   * scan-wide project.
   */
  public Set<String> dependencies() {
    if (used == null) {
      return Set.of();
    }
    synchronized (used) {
      return Set.copyOf(used);
    }
  }

  private void use(String kind, String name) {
    if (used != null) {
      used.add(kind + name);
    }
  }

  /**
   * Records that this view's analysis used a fact ({@link #READ} and a path, ...) that it learnt
   * from {@link #scanWide} state rather than by asking this view.
   */
  public void record(String kind, String name) {
    use(kind, name);
  }

  /** Adds the keys of one {@code .properties} file; unreadable content is ignored. */
  public void addProperties(String text) {
    facts.addProperties(text);
  }

  public Optional<String> property(String key) {
    use(PROPERTY, key);
    return facts.property(key);
  }

  /**
   * Records that the tree has a file at this relative path. The keys of the {@code .properties}
   * files recorded this way are read through the reader when a property is first asked for.
   */
  public void addPath(String path) {
    facts.addPath(path);
  }

  /** The paths of the tree's files directly in this folder ("" for the root), in order added. */
  public List<String> pathsIn(String dir) {
    use(IN, dir);
    return facts.pathsIn(dir);
  }

  /** The paths of all the tree's files, in order added (a fact of its own: adding or removing any file changes it). */
  public List<String> paths() {
    use(PATHS, "");
    return facts.paths();
  }

  /** The paths of the tree's files with this file name (e.g. {@code "Helper.java"}), in order added. */
  public List<String> pathsNamed(String fileName) {
    use(NAMED, fileName);
    return facts.pathsNamed(fileName);
  }

  /** The text of a file of the tree, empty when it is binary, absent or unreadable. */
  public Optional<String> read(String path) {
    use(READ, path);
    return facts.read(path);
  }

  /**
   * State derived from the tree's facts alone (file texts, paths), computed once per scan and
   * shared by every view and thread (it must be thread-safe). {@code create} is given a project
   * over the same facts that records nothing: a view using the state records the facts it stands
   * for itself ({@link #record}), so its dependencies are those it would have had computing it alone.
   */
  public <T> T scanWide(Class<T> type, Function<Project, T> create) {
    synchronized (facts.scanWide) {
      var known = facts.scanWide.get(type);
      if (known == null) {
        known = create.apply(new Project(facts, Map.of(), null));
        facts.scanWide.put(type, known);
      }
      return type.cast(known);
    }
  }

  /** The analyzer state of this type for this view (one file's analysis, or the scan), created on first use. */
  public synchronized <T> T shared(Class<T> type, Supplier<T> create) {
    return type.cast(shared.computeIfAbsent(type, k -> create.get()));
  }

  /** What all views of one project share: paths, reader, properties (read on first use). */
  private static final class Facts {
    private final Function<String, Optional<String>> reader;
    private final Map<String, List<String>> pathsByName = new HashMap<>();
    private final Map<String, List<String>> pathsByDir = new HashMap<>();
    private final List<String> all = new ArrayList<>();
    private final List<String> propertyFiles = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<Class<?>, Object> scanWide = new HashMap<>();
    private boolean propertyFilesRead;

    Facts(Function<String, Optional<String>> reader) {
      this.reader = reader;
    }

    synchronized void addPath(String path) {
      all.add(path);
      pathsByName.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(path);
      pathsByDir.computeIfAbsent(TreeFacts.folder(path), k -> new ArrayList<>()).add(path);
      if (path.endsWith(".properties")) {
        propertyFiles.add(path);
      }
    }

    synchronized List<String> pathsNamed(String fileName) {
      return List.copyOf(pathsByName.getOrDefault(fileName, List.of()));
    }

    synchronized List<String> paths() {
      return List.copyOf(all);
    }

    synchronized List<String> pathsIn(String dir) {
      return List.copyOf(pathsByDir.getOrDefault(dir, List.of()));
    }

    synchronized void addProperties(String text) {
      var p = new Properties();
      try {
        p.load(new StringReader(text));
      } catch (Exception | Error e) {
        return;
      }
      p.stringPropertyNames().forEach(k -> properties.putIfAbsent(k, p.getProperty(k)));
    }

    synchronized Optional<String> property(String key) {
      if (!propertyFilesRead) {
        propertyFilesRead = true;
        propertyFiles.forEach(path -> read(path).ifPresent(this::addProperties));
      }
      return Optional.ofNullable(properties.get(key));
    }

    Optional<String> read(String path) {
      try {
        return reader.apply(path);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
