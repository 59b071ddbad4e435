package dev.bulwark.sast.taint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The taint engine every tree-sitter language shares. A file is analysed function by function
 * (its top-level code included): request data enters through {@link LanguageModel#sources} and
 * entry-point parameters, flows through assignments, string building and calls, and is reported
 * where a rule's sink receives it. A call into a function of the project is followed through
 * that function's {@link Summary}, computed once per scan and reused by every caller, in any file.
 *
 * <p>One engine serves one language for one scan; it is not thread-safe.
 */
public final class TaintEngine {
  /** Deeper chains of summaries are cut (the call then propagates its arguments). */
  static final int MAX_SUMMARY_DEPTH = 12;

  /** Finds the function a call reaches within the project, or returns null. */
  public interface Resolver {
    Target resolve(Module from, Expr.Call call, List<String> path);
  }

  public record Target(Module module, Function function) {}

  /**
   * Receives each finding once: the rule, the file and line of the sink, and the label that
   * reached it (null for rules that need no taint).
   */
  public interface Reporter {
    void report(TaintRule rule, Module module, int line, Label label);
  }

  final LanguageModel model;
  final Resolver resolver;
  private final Reporter reporter;
  /** Bounded, by identity (a record's own hash would walk the whole function). */
  private final Map<Identity, Summary> summaries = lru(50_000);
  private final Set<Function> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, List<TaintRule>> rulesByModule = lru(4_096);
  private final Set<String> reported = new HashSet<>();
  private final Map<String, List<SourcePattern>> sourcesByLast = new HashMap<>();
  int summaryDepth;

  public TaintEngine(LanguageModel model, Resolver resolver, Reporter reporter) {
    this.model = model;
    this.resolver = resolver;
    this.reporter = reporter;
    for (SourcePattern p : model.sources()) {
      String last = p.segments().get(p.segments().size() - 1);
      sourcesByLast.computeIfAbsent(last.startsWith("$REQ") || last.startsWith("*") ? "*" : last,
          k -> new java.util.ArrayList<>()).add(p);
    }
  }

  /** Analyses every function of the file (and its top-level code) for flows from sources to sinks. */
  public void analyze(Module module) {
    new FunctionRun(this, module, module.top(), FunctionRun.Mode.ROOT, null).run();
    for (Function f : module.functions()) {
      new FunctionRun(this, module, f, FunctionRun.Mode.ROOT, null).run();
    }
  }

  /** The summary of a project function, or null while it is being computed (recursion) or too deep. */
  Summary summary(Target target) {
    Summary s = summaries.get(new Identity(target.function()));
    if (s != null) {
      return s;
    }
    if (inProgress.contains(target.function()) || summaryDepth >= MAX_SUMMARY_DEPTH) {
      return null;
    }
    inProgress.add(target.function());
    summaryDepth++;
    try {
      var run = new FunctionRun(this, target.module(), target.function(), FunctionRun.Mode.SUMMARY, null);
      run.run();
      s = new Summary(run.returns, List.copyOf(run.hits));
      summaries.put(new Identity(target.function()), s);
      return s;
    } finally {
      summaryDepth--;
      inProgress.remove(target.function());
    }
  }

  /** The rules whose file condition holds for this module. */
  List<TaintRule> rules(Module module) {
    return rulesByModule.computeIfAbsent(module.path(), p -> model.rules().stream()
        .filter(r -> r.fileMatch() == null || r.fileMatch().matcher(module.text()).find()).toList());
  }

  /** The source patterns that may match a path ending in this segment. */
  List<SourcePattern> sourcesEndingWith(String last) {
    var exact = sourcesByLast.getOrDefault(last, List.of());
    var any = sourcesByLast.getOrDefault("*", List.of());
    if (any.isEmpty()) {
      return exact;
    }
    if (exact.isEmpty()) {
      return any;
    }
    var both = new java.util.ArrayList<>(exact);
    both.addAll(any);
    return both;
  }

  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new java.util.LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  void report(TaintRule rule, Module module, int line, Label label) {
    if (reported.add(rule.id() + "\u0000" + module.path() + "\u0000" + line)) {
      reporter.report(rule, module, line, label);
    }
  }
}
