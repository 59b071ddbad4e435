package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.taint.Cuts;
import dev.bulwark.sast.java.taint.FileTaint;
import dev.bulwark.sast.java.taint.ProjectCallees;
import dev.bulwark.sast.java.taint.SinkHit;
import dev.bulwark.sast.java.taint.Summary;
import dev.bulwark.sast.java.taint.Val;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls into other files of the project ({@code Helper.clean(x)}, {@code dao.find(x)} where
 * {@code dao} is a {@code Dao} declared in {@code Dao.java}, {@code new Helper(x)}). The callee's
 * file is found by the class's name, read and parsed on demand, and its method analysed with the
 * caller's argument taint; a method the class inherits is looked up in its superclasses, and a
 * call on an interface or abstract method goes to every implementation the project has
 * ({@link TypeHierarchy}). Summaries (what the call returns, which sinks the arguments reach
 * inside) are kept for this file's analysis; parsed trees and what the files' texts tell are kept
 * for the scan ({@link ProjectIndex}).
 */
public final class ProjectSummaries implements ProjectCallees {
  private static final int PARSED_FILES_KEPT = 64;
  private static final int MAX_CALL_DEPTH = 8;
  private static final int MAX_HOPS = 6;
  /** Callees longer than this (in lines) keep the default: following them costs more than it tells. */
  private static final int MAX_CALLEE_LINES = 150;
  /** Interfaces with more implementations than this keep the default. */
  private static final int MAX_IMPLEMENTATIONS = 8;
  /**
   * What a file's analysis asks of other files' texts ({@link Project#derived}), so that a change
   * elsewhere re-analyses it only when the answer changed: whether the file's methods of a name may
   * return a source ("java-returns:load/false"), whether its text mentions a static field
   * ("java-mentions:Config.url"), whether it calls one of some methods ("java-calls:a,b"), and the
   * supertypes it declares ("java-declarations").
   */
  private static final String RETURNS = "java-returns:";
  private static final String MENTIONS = "java-mentions:";
  private static final String CALLS = "java-calls:";
  private static final String DECLARATIONS = "java-declarations";

  private final Project project;
  private final TaintCatalog catalog;
  private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
  private final Map<String, Boolean> sourceful = new ConcurrentHashMap<>();
  /** Whether a class's file mentions a static field ("Type.field"), by class and field. */
  private final Map<String, Boolean> mentions = new ConcurrentHashMap<>();
  /** What the scan's files' texts tell, shared by every file's analysis; what this one took from it is recorded. */
  private final ProjectIndex index;
  private final PerThread<Map<String, Optional<FileTaint>>> files = new PerThread<>(() ->
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<FileTaint>> eldest) {
          return size() > PARSED_FILES_KEPT;
        }
      });
  private final PerThread<Set<String>> inProgress = new PerThread<>(HashSet::new);
  /** Summaries computed while a call was cut ({@link Cuts}): valid for the file being analysed on this thread only. */
  private final PerThread<Map<String, Summary>> cutSummaries = new PerThread<>(java.util.HashMap::new);
  private volatile boolean hierarchyRecorded;
  private final Set<String> pulled = ConcurrentHashMap.newKeySet();

  private ProjectSummaries(Project project, TaintCatalog catalog) {
    this.project = project;
    this.catalog = catalog;
    this.index = ProjectIndex.of(project);
  }

  /** The summaries of this scan (one per project). */
  public static ProjectSummaries of(Project project, TaintCatalog catalog) {
    return project.shared(ProjectSummaries.class, () -> new ProjectSummaries(project, catalog));
  }

  /**
   * A file's analysis begins on this thread: summaries that depended on the path to them (a cut
   * recursion or depth) are forgotten, so that each file's findings do not depend on the files
   * this thread analysed before.
   */
  public void beginFile() {
    cutSummaries.get().clear();
    files.get().values().forEach(t -> t.ifPresent(FileTaint::forgetCutSummaries));
  }

  /** The syntax tree of a file of the project, parsed once while it is among the last parsed in the scan. */
  public CompilationUnit parse(String path, String text) {
    return index.parse(path, text);
  }

  @Override
  public boolean declares(String className) {
    return !project.pathsNamed(className + ".java").isEmpty();
  }

  @Override
  public boolean mayReturnSource(String className, String method, boolean literals) {
    return sourceful.computeIfAbsent(className + "." + method + "/" + literals, k -> {
      for (String p : project.pathsNamed(className + ".java")) {
        boolean may = mayReturn(index, catalog, p, method, literals);
        project.derived(p, RETURNS + method + '/' + literals, Boolean.toString(may));
        if (may) {
          return true;
        }
      }
      return false;
    });
  }

  /** Whether a file's methods of this name may return a source (or a literal), from its lexical facts (read once per scan). */
  private static boolean mayReturn(ProjectIndex index, TaintCatalog catalog, String path, String method, boolean literals) {
    var facts = index.lexical(path, catalog.triggers());
    return (literals || facts.hasSource()) && facts.mayReturn(method, literals);
  }

  /**
   * Today's answer to a question a file's analysis asked of another file ({@link Project#derived});
   * empty when the query is not one of this class's.
   */
  public static Optional<String> derived(Project scan, TaintCatalog catalog, String path, String query) {
    var index = ProjectIndex.of(scan);
    if (query.equals(DECLARATIONS)) {
      return Optional.of(TypeHierarchy.declarations(index.text(path)));
    }
    if (query.startsWith(RETURNS)) {
      int slash = query.lastIndexOf('/');
      return Optional.of(Boolean.toString(mayReturn(index, catalog, path, query.substring(RETURNS.length(), slash),
          Boolean.parseBoolean(query.substring(slash + 1)))));
    }
    if (query.startsWith(MENTIONS)) {
      return Optional.of(Boolean.toString(index.mentions(path, query.substring(MENTIONS.length()))));
    }
    if (query.startsWith(CALLS)) {
      return Optional.of(Boolean.toString(calls(index.text(path), List.of(query.substring(CALLS.length()).split(",")))));
    }
    return Optional.empty();
  }

  private static boolean calls(String text, Collection<String> methods) {
    return methods.stream().anyMatch(m -> text.contains("." + m + "("));
  }

  @Override
  public Map<String, Val> relevant(String className, Map<String, Val> globals) {
    if (globals.isEmpty()) {
      return globals;
    }
    var kept = new java.util.HashMap<String, Val>();
    globals.forEach((k, v) -> {
      if (mentions.computeIfAbsent(className + "\u0000" + k,
          x -> project.pathsNamed(className + ".java").stream().anyMatch(p -> mentions(p, k)))) {
        kept.put(k, v);
      }
    });
    return kept;
  }

  /**
   * The other Java files of {@code path}'s folder (its package) that call one of {@code methods} and
   * were not handed out before: callers of a method that returns untrusted data, which the keyword
   * prefilter alone would skip. Each file is handed out once per scan.
   */
  public List<String> callersToPull(String path, Set<String> methods) {
    if (methods.isEmpty()) {
      return List.of();
    }
    var callers = new ArrayList<String>();
    String query = CALLS + String.join(",", new TreeSet<>(methods));
    for (String other : folder(path)) {
      if (other.equals(path)) {
        continue;
      }
      // whether it calls them is all this file's analysis takes from it, unless it is pulled (then its text is read)
      boolean calls = calls(index.text(other), methods);
      project.derived(other, query, Boolean.toString(calls));
      if (calls && pulled.add(other)) {
        callers.add(other);
      }
    }
    return callers;
  }

  /** The text of a file of the project ("" when unreadable). */
  public String textOf(String path) {
    return text(path);
  }

  /** The Java files of {@code path}'s folder (this depends on which files the folder holds). */
  private List<String> folder(String path) {
    project.record(Project.IN, parent(path));
    return index.javaFilesIn(parent(path));
  }

  private static String parent(String path) {
    return ProjectIndex.parent(path);
  }

  /** A file's text (read once while recently used, for every file's analysis; recorded as read by this one). */
  private String text(String path) {
    project.record(Project.READ, path);
    return index.text(path);
  }

  private boolean mentions(String path, String what) {
    boolean mentions = index.mentions(path, what);
    project.derived(path, MENTIONS + what, Boolean.toString(mentions));
    return mentions;
  }

  @Override
  public Optional<Summary> call(Call call) {
    if (call.depth() >= MAX_CALL_DEPTH) {
      Cuts.cut();
      return Optional.empty();
    }
    return resolve(call.className(), call, 0, new HashSet<>());
  }

  private Optional<Summary> resolve(String cls, Call call, int hops, Set<String> seen) {
    if (hops > MAX_HOPS || !seen.add(cls)) {
      return Optional.empty();
    }
    for (String path : project.pathsNamed(cls + ".java")) {
      if (!call.remote() && !parent(path).equals(parent(call.from()))) {
        continue; // local data is followed within its package only
      }
      String key = path + '#' + cls + ':' + call.key();
      var cached = summaries.get(key);
      if (cached == null) {
        cached = cutSummaries.get().get(key);
      }
      if (cached != null) {
        return Optional.of(cached);
      }
      var taint = file(path);
      var types = taint.map(t -> t.types(cls)).orElse(List.of());
      if (types.isEmpty()) {
        continue;
      }
      var targets = new ArrayList<CallableDeclaration<?>>();
      types.forEach(t -> targets.addAll(callables(t, call)));
      Optional<Summary> found;
      int cuts = Cuts.count();
      if (!targets.isEmpty()) {
        found = summarise(taint.get(), targets, call, key);
      } else {
        found = inherited(types, call, hops, seen).or(() -> dispatched(cls, types, call, hops, seen));
      }
      if (found.isPresent()) {
        (Cuts.count() == cuts ? summaries : cutSummaries.get()).put(key, found.get());
        return found;
      }
    }
    return Optional.empty();
  }

  /** The methods (or constructors) of a type with the call's name and arity that have a body. */
  private static List<CallableDeclaration<?>> callables(TypeDeclaration<?> type, Call call) {
    int arity = call.args().size();
    if (call.method().equals(Call.CONSTRUCTOR)) {
      return type.getConstructors().stream().filter(c -> c.getParameters().size() == arity)
          .<CallableDeclaration<?>>map(c -> c).toList();
    }
    return type.getMethodsByName(call.method()).stream()
        .filter(m -> m.getParameters().size() == arity && m.getBody().isPresent())
        .<CallableDeclaration<?>>map(m -> m).toList();
  }

  private Optional<Summary> summarise(FileTaint taint, List<CallableDeclaration<?>> targets, Call call, String key) {
    if (targets.stream().anyMatch(t -> lines(t) > MAX_CALLEE_LINES)) {
      return Optional.empty();
    }
    if (!inProgress.get().add(key)) {
      Cuts.cut();
      return Optional.empty();
    }
    try {
      Val returned = Val.CLEAN;
      var hits = new ArrayList<SinkHit>();
      for (var m : targets) {
        var s = taint.summarise(m, call.args(), call.self(), call.globals(), call.depth());
        returned = returned.or(s.returned());
        hits.addAll(s.hits());
      }
      return Optional.of(new Summary(returned, List.copyOf(hits)));
    } finally {
      inProgress.get().remove(key);
    }
  }

  /** A method the class does not declare: the one it inherits from its superclasses. */
  private Optional<Summary> inherited(List<TypeDeclaration<?>> types, Call call, int hops, Set<String> seen) {
    if (call.method().equals(Call.CONSTRUCTOR)) {
      return Optional.empty();
    }
    for (var t : types) {
      if (t instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
        for (var parent : c.getExtendedTypes()) {
          var found = resolve(parent.getNameAsString(), call, hops + 1, seen);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** An interface or abstract method: the union of the project's implementations. */
  private Optional<Summary> dispatched(String cls, List<TypeDeclaration<?>> types, Call call, int hops, Set<String> seen) {
    boolean open = types.stream().anyMatch(t -> t instanceof ClassOrInterfaceDeclaration c
        && (c.isInterface() || c.getMethodsByName(call.method()).stream().anyMatch(MethodDeclaration::isAbstract)));
    if (!open || call.method().equals(Call.CONSTRUCTOR)) {
      return Optional.empty();
    }
    Val returned = Val.CLEAN;
    var hits = new ArrayList<SinkHit>();
    boolean any = false;
    var implementations = hierarchy().below(cls);
    if (implementations.size() > MAX_IMPLEMENTATIONS) {
      return Optional.empty();
    }
    for (String sub : implementations) {
      var s = resolve(sub, call, hops + 1, new HashSet<>(seen));
      if (s.isPresent()) {
        any = true;
        returned = returned.or(s.get().returned());
        hits.addAll(s.get().hits());
      }
    }
    return any ? Optional.of(new Summary(returned, List.copyOf(hits))) : Optional.empty();
  }

  private static int lines(CallableDeclaration<?> c) {
    return c.getEnd().map(e -> e.line).orElse(0) - c.getBegin().map(b -> b.line).orElse(0);
  }

  /**
   * The scan's class hierarchy: it is read from every Java file, and this file's analysis depends on
   * what each of them declares (and on which files there are), not on the rest of their text.
   */
  private TypeHierarchy hierarchy() {
    if (!hierarchyRecorded) {
      project.record(Project.PATHS, "");
      index.javaPaths().forEach(p -> project.derived(p, DECLARATIONS, index.declarations(p)));
      hierarchyRecorded = true;
    }
    return index.hierarchy();
  }

  private Optional<FileTaint> file(String path) {
    var cache = files.get();
    var known = cache.get(path);
    if (known != null) {
      return known;
    }
    Optional<FileTaint> taint;
    try {
      taint = Optional.of(text(path)).filter(t -> !t.isEmpty()).map(t -> parse(path, t))
          .map(cu -> new FileTaint(path, cu, project, catalog, this, hit -> {}).asCallee()
              .withLiteralSinks(catalog.triggers().mayHaveLiteralSink(text(path))));
    } catch (IllegalArgumentException unparsable) {
      taint = Optional.empty();
    }
    cache.put(path, taint);
    return taint;
  }
}
