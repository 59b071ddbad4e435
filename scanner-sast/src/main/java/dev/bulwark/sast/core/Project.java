package dev.bulwark.sast.core;

import dev.bulwark.common.cas.Digests;
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
  /** A fact derived from one file's text, with its value ({@link #derived}). */
  public static final String DERIVED = "derived:";

  private final Facts facts;
  private final Map<Class<?>, Object> shared;
  /** What this view's analysis used; null for the scan-wide project, which records nothing. */
  private final Set<String> used;

  public Project() {
    this(path -> Optional.empty());
  }

  /** @param reader the text of a file of the tree by its relative path, empty when unreadable */
  public Project(Function<String, Optional<String>> reader) {
    this(reader, path -> "");
  }

  /**
   * @param reader  the text of a file of the tree by its relative path, empty when unreadable
   * @param digests the content digest of a file of the tree by its relative path ("" when unknown),
   *                as the results cache's {@code read:} facts give it: {@link #derived} facts carry
   *                it, so that checking one of an unchanged file reads nothing
   */
  public Project(Function<String, Optional<String>> reader, Function<String, String> digests) {
    this.facts = new Facts(reader, digests);
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
   * {@link #PROPERTY} a property's value, {@link #DERIVED} a fact derived from a file's text. Empty
   * for the scan-wide project.
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

  /**
   * Records that this view's analysis used a fact derived from the text of the file at
   * {@code path} (e.g. whether its methods named {@code load} read a source), and the value it had,
   * instead of the whole text ({@link #READ}): a cached result then survives a change of that file
   * that leaves the fact alone. The analyzer that records it must tell its value today
   * ({@link Analyzer#derived}); one that cannot is a change.
   *
   * @param query what was asked of the file, naming the analyzer's question and its arguments
   */
  public void derived(String path, String query, String value) {
    if (used != null) {
      use(DERIVED, new Derived(path, query, fingerprint(facts.digest(path)), fingerprint(value)).name());
    }
  }

  /** A short digest of a fact's value, as {@link Derived} keeps it (a value may be long, or a secret). */
  public static String fingerprint(String value) {
    return Digests.sha256Hex(value).substring(0, 32);
  }

  /**
   * A {@link #DERIVED} dependency: the query, the file it was asked of, and the {@link #fingerprint}s
   * of that file's content digest and of the answer when the result was made (the same digest
   * today: the same answer).
   */
  public record Derived(String path, String query, String digest, String value) {
    private static final int FINGERPRINT = 32;

    /** Its name among the dependencies: both fingerprints (fixed width), the query, then the path. */
    String name() {
      return value + digest + query + '\u0000' + path;
    }

    /** The dependency named {@code DERIVED + name()}; empty when it is not one. */
    public static Optional<Derived> parse(String dependency) {
      if (!dependency.startsWith(DERIVED)) {
        return Optional.empty();
      }
      String name = dependency.substring(DERIVED.length());
      int nul = name.indexOf('\u0000');
      if (nul < 2 * FINGERPRINT) {
        return Optional.empty();
      }
      return Optional.of(new Derived(name.substring(nul + 1), name.substring(2 * FINGERPRINT, nul),
          name.substring(FINGERPRINT, 2 * FINGERPRINT), name.substring(0, FINGERPRINT)));
    }
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
    private final Function<String, String> digests;
    private final Map<String, List<String>> pathsByName = new HashMap<>();
    private final Map<String, List<String>> pathsByDir = new HashMap<>();
    private final List<String> all = new ArrayList<>();
    private final List<String> propertyFiles = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<Class<?>, Object> scanWide = new HashMap<>();
    private boolean propertyFilesRead;

    Facts(Function<String, Optional<String>> reader, Function<String, String> digests) {
      this.reader = reader;
      this.digests = digests;
    }

    String digest(String path) {
      try {
        return digests.apply(path);
      } catch (RuntimeException e) {
        return "";
      }
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
