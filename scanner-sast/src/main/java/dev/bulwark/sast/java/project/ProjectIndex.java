package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.CompilationUnit;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.Triggers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the Java analysis learns from the project's files that depends on their text alone, kept
 * once per scan for every file's analysis ({@link Project#scanWide}): the class hierarchy, the
 * lexical facts of each file (may it read a source, which methods may return one), the Java files
 * of each folder, recently read texts and recently parsed trees. Each file's analysis
 * ({@link ProjectSummaries}) records the facts it took from here as if it had read them itself, so
 * sharing changes no file's findings nor its dependencies, only how often the work is done.
 */
final class ProjectIndex {
  /**
   * Trees live as long as the scan, shared by the threads, and take about 15 bytes per character
   * of their text (tokens dropped): a 128th of the heap in characters is about an eighth of it (8 M
   * characters in a 1 GiB heap; on java.base, java.net.http and java.sql that parses 574 files for
   * 558 distinct ones, where keeping every tree would parse 563).
   * {@code -Dbulwark.sast.parsed-chars=N} keeps another number (benchmarks).
   */
  private static final long PARSED_CHARS_KEPT =
      Long.getLong("bulwark.sast.parsed-chars", Runtime.getRuntime().maxMemory() / 128);
  /** Texts kept for callee lookups, in characters (the hierarchy reads every file once, without keeping it). */
  private static final long TEXT_CHARS_KEPT = 32L << 20;
  /** Files whose {@code X.y} index is kept (a few times its text's size, asked about in bursts). */
  private static final int DOTTED_FILES_KEPT = 64;
  private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\n]+\"");

  /** A file's facts for deciding, without parsing it, whether its methods may return untrusted or hard-coded data. */
  record Lexical(boolean hasSource, Map<String, Integer> methods) {
    static final int SOURCE = 1;
    static final int LITERAL = 2;

    /** Whether a method of this name has a body that reads a source (or, when {@code literals}, holds a literal). */
    boolean mayReturn(String method, boolean literals) {
      return (methods.getOrDefault(method, 0) & (literals ? SOURCE | LITERAL : SOURCE)) != 0;
    }
  }

  private final Project facts;
  private final ParsedTrees trees = new ParsedTrees(PARSED_CHARS_KEPT);
  private final Map<Triggers, Map<String, Lexical>> lexical = new ConcurrentHashMap<>();
  private final Map<String, Boolean> mentions = new ConcurrentHashMap<>();
  private final Map<String, DottedNames> dotted = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DottedNames> eldest) {
      return size() > DOTTED_FILES_KEPT;
    }
  };
  private final Map<String, String> texts = new LinkedHashMap<>(16, 0.75f, true);
  private long textChars;
  private volatile TypeHierarchy hierarchy;
  /** What each Java file tells the hierarchy ({@link TypeHierarchy#declarations}), in the order of {@link #javaPaths}. */
  private volatile Map<String, String> declarations;
  private volatile List<String> javaPaths;
  private volatile Map<String, List<String>> javaFilesByFolder;

  private ProjectIndex(Project facts) {
    this.facts = facts;
  }

  /** The index of this view's scan. */
  static ProjectIndex of(Project view) {
    return view.scanWide(ProjectIndex.class, ProjectIndex::new);
  }

  /** A file's text ("" when unreadable), read once while it is among the recently used. */
  String text(String path) {
    synchronized (texts) {
      var known = texts.get(path);
      if (known != null) {
        return known;
      }
    }
    String text = facts.read(path).orElse("");
    synchronized (texts) {
      if (texts.put(path, text) == null) {
        textChars += text.length();
      }
      for (var it = texts.values().iterator(); textChars > TEXT_CHARS_KEPT && it.hasNext(); ) {
        textChars -= it.next().length();
        it.remove();
      }
    }
    return text;
  }

  /** The syntax tree of a file, parsed once while it is among the last parsed. */
  CompilationUnit parse(String path, String text) {
    return trees.parse(path, text);
  }

  /** The lexical facts of a file under these triggers. */
  Lexical lexical(String path, Triggers triggers) {
    return lexical.computeIfAbsent(triggers, t -> new ConcurrentHashMap<>()).computeIfAbsent(path, p -> {
      String text = text(p);
      var methods = new HashMap<String, Integer>();
      MethodText.index(text).forEach((name, bodies) -> {
        int flags = 0;
        for (String b : bodies) {
          flags |= (triggers.mayHaveSourceIn(b) ? Lexical.SOURCE : 0) | (LITERAL.matcher(b).find() ? Lexical.LITERAL : 0);
        }
        if (flags != 0) {
          methods.put(name, flags);
        }
      });
      return new Lexical(triggers.mayHaveSource(text), Map.copyOf(methods));
    });
  }

  /** Whether a file's text contains this string (a static field's {@code Type.field}). */
  boolean mentions(String path, String what) {
    return mentions.computeIfAbsent(path + '\u0000' + what, k -> dottedNames(path).contains(what));
  }

  /** A file's {@code X.y} index, kept while the file is among the last asked about. */
  private DottedNames dottedNames(String path) {
    synchronized (dotted) {
      var known = dotted.get(path);
      if (known != null) {
        return known;
      }
    }
    var names = new DottedNames(text(path));
    synchronized (dotted) {
      dotted.put(path, names);
    }
    return names;
  }

  /** The project's classes by what they extend or implement, read from every Java file's declarations once. */
  TypeHierarchy hierarchy() {
    if (hierarchy == null) {
      synchronized (this) {
        if (hierarchy == null) {
          var byPath = new LinkedHashMap<String, String>();
          javaPaths().forEach(p -> byPath.put(p, TypeHierarchy.declarations(facts.read(p).orElse(""))));
          declarations = byPath;
          hierarchy = TypeHierarchy.of(byPath.values());
        }
      }
    }
    return hierarchy;
  }

  /** What a Java file tells the hierarchy, once it is built ({@link #hierarchy()}). */
  String declarations(String path) {
    hierarchy();
    return declarations.getOrDefault(path, "");
  }

  /** Every Java file of the project, in the order added (what the hierarchy reads). */
  List<String> javaPaths() {
    if (javaPaths == null) {
      synchronized (this) {
        if (javaPaths == null) {
          javaPaths = facts.paths().stream().filter(p -> p.endsWith(".java")).toList();
        }
      }
    }
    return javaPaths;
  }

  /** The Java files of a folder (a package), in the order added. */
  List<String> javaFilesIn(String folder) {
    if (javaFilesByFolder == null) {
      synchronized (this) {
        if (javaFilesByFolder == null) {
          var byFolder = new HashMap<String, List<String>>();
          javaPaths().forEach(p -> byFolder.computeIfAbsent(parent(p), k -> new ArrayList<>()).add(p));
          javaFilesByFolder = byFolder;
        }
      }
    }
    return javaFilesByFolder.getOrDefault(folder, List.of());
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
