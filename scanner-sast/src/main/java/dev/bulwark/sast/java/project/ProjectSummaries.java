package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.syntax.JavaSyntax;
import dev.bulwark.sast.java.taint.FileTaint;
import dev.bulwark.sast.java.taint.ProjectCallees;
import dev.bulwark.sast.java.taint.SinkHit;
import dev.bulwark.sast.java.taint.Summary;
import dev.bulwark.sast.java.taint.Val;
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
 * class's name, read and parsed on demand (a few parsed files are kept), and its method analysed
 * with the caller's argument taint: the summary (what it returns, which sinks the arguments reach
 * inside it) is kept for the rest of the scan.
 */
public final class ProjectSummaries implements ProjectCallees {
  private static final int PARSED_FILES_KEPT = 64;
  private static final int MAX_CALL_DEPTH = 3;

  private final Project project;
  private final TaintCatalog catalog;
  private final Map<String, Optional<FileTaint>> files = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<FileTaint>> eldest) {
      return size() > PARSED_FILES_KEPT;
    }
  };
  private final Map<String, Summary> summaries = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  /** "path#Class.method/arity" with no body in that file (an interface, an inherited method). */
  private final Set<String> absent = new HashSet<>();

  private ProjectSummaries(Project project, TaintCatalog catalog) {
    this.project = project;
    this.catalog = catalog;
  }

  /** The summaries of this scan (one per project). */
  public static ProjectSummaries of(Project project, TaintCatalog catalog) {
    return project.shared(ProjectSummaries.class, () -> new ProjectSummaries(project, catalog));
  }

  @Override
  public boolean declares(String className) {
    return !project.pathsNamed(className + ".java").isEmpty();
  }

  @Override
  public Optional<Summary> call(String className, String method, List<Val> args, int depth) {
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
      var taint = file(path);
      var targets = taint.map(t -> t.methodsOf(className, method, args.size())).orElse(List.of());
      if (targets.isEmpty()) {
        absent.add(site);
        continue;
      }
      if (depth >= MAX_CALL_DEPTH || !inProgress.add(key)) {
        return Optional.empty();
      }
      try {
        Val returned = Val.CLEAN;
        var hits = new ArrayList<SinkHit>();
        for (MethodDeclaration m : targets) {
          var s = taint.get().summarise(m, args, depth);
          returned = returned.or(s.returned());
          hits.addAll(s.hits());
        }
        var summary = new Summary(returned, List.copyOf(hits));
        summaries.put(key, summary);
        return Optional.of(summary);
      } finally {
        inProgress.remove(key);
      }
    }
    return Optional.empty();
  }

  private Optional<FileTaint> file(String path) {
    var known = files.get(path);
    if (known != null) {
      return known;
    }
    Optional<FileTaint> taint;
    try {
      taint = project.read(path).map(JavaSyntax::parse)
          .map(cu -> new FileTaint(cu, project, catalog, this, hit -> {}));
    } catch (IllegalArgumentException unparsable) {
      taint = Optional.empty();
    }
    files.put(path, taint);
    return taint;
  }
}
