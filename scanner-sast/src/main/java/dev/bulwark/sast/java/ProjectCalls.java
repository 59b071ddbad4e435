package dev.bulwark.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls into other files of the project ({@code Helper.clean(x)}, {@code dao.find(x)} where
 * {@code dao} is a {@code Dao} declared in {@code Dao.java}). The callee's file is found by the
 * class's name, read and parsed on demand (a few parsed files are kept), and its method
 * analysed with the caller's argument taint: the summary (what it returns, which sinks the
 * arguments reach inside it) is kept for the rest of the scan.
 */
final class ProjectCalls {
  private static final int PARSED_FILES_KEPT = 64;

  private final Project project;
  private final Map<String, Optional<FileContext>> files = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<FileContext>> eldest) {
      return size() > PARSED_FILES_KEPT;
    }
  };
  private final Map<String, FileContext.Summary> summaries = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  /** "path#Class.method/arity" with no body in that file (an interface, an inherited method). */
  private final Set<String> absent = new HashSet<>();

  private ProjectCalls(Project project) {
    this.project = project;
  }

  static ProjectCalls of(Project project) {
    return project.shared(ProjectCalls.class, () -> new ProjectCalls(project));
  }

  /** True when the project has a source file declaring this top-level class. */
  boolean declares(String className) {
    return !project.pathsNamed(className + ".java").isEmpty();
  }

  /**
   * The summary of {@code className.method(args)}, empty when the project has no body for it
   * (an interface, an inherited or a library method): the caller then falls back to its default.
   */
  Optional<FileContext.Summary> call(String className, String method, List<Val> args, int depth) {
    var taints = new StringBuilder();
    args.forEach(a -> taints.append(a.taint()).append(','));
    for (String path : project.pathsNamed(className + ".java")) {
      String site = path + '#' + className + '.' + method + '/' + args.size();
      if (absent.contains(site)) {
        continue;
      }
      String key = site + ':' + taints;
      var cached = summaries.get(key);
      if (cached != null) {
        return Optional.of(cached);
      }
      var context = file(path);
      var targets = context.map(c -> methods(c.cu, className, method, args.size())).orElse(List.of());
      if (targets.isEmpty()) {
        absent.add(site);
        continue;
      }
      if (depth >= FileContext.MAX_CALL_DEPTH || !inProgress.add(key)) {
        return Optional.empty();
      }
      try {
        Val returned = Val.CLEAN;
        var hits = new ArrayList<FileContext.SinkHit>();
        for (MethodDeclaration m : targets) {
          var s = context.get().summarise(m, args, depth);
          returned = returned.or(s.returned());
          hits.addAll(s.hits());
        }
        var summary = new FileContext.Summary(returned, List.copyOf(hits));
        summaries.put(key, summary);
        return Optional.of(summary);
      } finally {
        inProgress.remove(key);
      }
    }
    return Optional.empty();
  }

  private Optional<FileContext> file(String path) {
    var known = files.get(path);
    if (known != null) {
      return known;
    }
    Optional<FileContext> context;
    try {
      context = project.read(path).map(text -> JavaTaintAnalyzer.parse(SourceFile.of(path, text)))
          .map(cu -> new FileContext(cu, project, hit -> {}));
    } catch (IllegalArgumentException unparsable) {
      context = Optional.empty();
    }
    files.put(path, context);
    return context;
  }

  private static List<MethodDeclaration> methods(CompilationUnit cu, String className, String name, int arity) {
    return cu.getTypes().stream().filter(t -> t.getNameAsString().equals(className))
        .flatMap(t -> ((TypeDeclaration<?>) t).getMethodsByName(name).stream())
        .filter(m -> m.getParameters().size() == arity && m.getBody().isPresent())
        .toList();
  }
}
