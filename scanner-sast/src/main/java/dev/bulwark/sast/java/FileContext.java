package dev.bulwark.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.core.Project;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One Java file under analysis: its methods (for summaries of calls within the file), its
 * fields (their constants, and the taint code anywhere in the file stores into them), the
 * project's facts, and where sink hits go.
 */
final class FileContext {
  /** Request data of class {@code vuln} reached {@code sink} at {@code node}. */
  record SinkHit(Vuln vuln, String sink, Node node) {}

  /** What a call returns and the sinks the call's arguments reach inside it. */
  record Summary(Val returned, List<SinkHit> hits) {}

  static final int MAX_CALL_DEPTH = 3;

  final CompilationUnit cu;
  final Project project;
  final JavaTypes fieldTypes;
  final Set<String> classNames = new HashSet<>();
  final Map<String, Object> fieldConstants = new HashMap<>();
  final Set<String> fieldNames = new HashSet<>();
  /** Field → union of what the file's methods store into it (flow-insensitive across methods). */
  final Map<String, Val> fieldTaint = new HashMap<>();
  private final Map<String, List<MethodDeclaration>> methods = new HashMap<>();
  private final Map<String, Summary> summaries = new HashMap<>();
  private final Set<MethodDeclaration> inProgress = new HashSet<>();
  private final Deque<List<SinkHit>> recording = new ArrayDeque<>();
  private final Consumer<SinkHit> hits;

  FileContext(CompilationUnit cu, Project project, Consumer<SinkHit> hits) {
    this.cu = cu;
    this.project = project;
    this.hits = hits;
    this.fieldTypes = JavaTypes.ofFields(cu);
    cu.findAll(ClassOrInterfaceDeclaration.class).forEach(c -> classNames.add(c.getNameAsString()));
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (m.getBody().isPresent()) {
        methods.computeIfAbsent(m.getNameAsString() + "/" + m.getParameters().size(), k -> new ArrayList<>()).add(m);
      }
    }
    for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
      f.getVariables().forEach(v -> fieldNames.add(v.getNameAsString()));
      if (f.isFinal()) {
        f.getVariables().forEach(v -> v.getInitializer().filter(StringLiteralExpr.class::isInstance)
            .ifPresent(i -> fieldConstants.put(v.getNameAsString(), ((StringLiteralExpr) i).asString())));
      }
    }
  }

  void report(Vuln vuln, String sink, Node node) {
    var hit = new SinkHit(vuln, sink, node);
    hits.accept(hit);
    recording.forEach(r -> r.add(hit));
  }

  /**
   * Code stored {@code v} into field {@code name}. When the field's taint grows, summaries made
   * with the old field values are dropped (the analyzer runs the file again while fields grow).
   */
  void storeField(String name, Val v) {
    Val old = fieldTaint.getOrDefault(name, Val.CLEAN);
    Val grown = Val.tainted(old.taint() | v.taint());
    if (grown.taint() != old.taint()) {
      fieldTaint.put(name, grown);
      summaries.clear();
    }
  }

  List<MethodDeclaration> methods(String name, int arity) {
    return methods.getOrDefault(name + "/" + arity, List.of());
  }

  /**
   * The value a call to a method of this file returns when given these arguments: the method
   * is analysed with its parameters bound to them (sinks inside it are reported too, also when
   * the summary comes from the cache).
   */
  Val summary(MethodDeclaration m, List<Val> args, int depth) {
    return summarise(m, args, depth).returned();
  }

  Summary summarise(MethodDeclaration m, List<Val> args, int depth) {
    Val all = args.stream().reduce(Val.CLEAN, Val::or);
    if (depth > MAX_CALL_DEPTH || inProgress.contains(m)) {
      return new Summary(all, List.of());
    }
    var key = new StringBuilder(System.identityHashCode(m) + ":");
    args.forEach(a -> key.append(a.taint()).append(','));
    Summary cached = summaries.get(key.toString());
    if (cached != null) {
      cached.hits().forEach(h -> report(h.vuln(), h.sink(), h.node()));
      return cached;
    }
    inProgress.add(m);
    var hitsInside = new ArrayList<SinkHit>();
    recording.push(hitsInside);
    try {
      var frame = Frame.forMethod(this, m, args, depth + 1);
      new TaintInterpreter(frame).run(m.getBody().orElseThrow());
      var result = new Summary(Val.tainted(frame.returned.taint()), List.copyOf(hitsInside));
      summaries.put(key.toString(), result);
      return result;
    } finally {
      recording.pop();
      inProgress.remove(m);
    }
  }

  /** Builds the entry frame of any method or constructor: Spring-annotated parameters are sources. */
  Frame entry(CallableDeclaration<?> c) {
    var args = new ArrayList<Val>();
    for (var p : c.getParameters()) {
      boolean source = p.getAnnotations().stream()
          .anyMatch(a -> TaintCatalog.SOURCE_ANNOTATIONS.contains(a.getName().getIdentifier()));
      args.add(source ? Val.SOURCE : Val.CLEAN);
    }
    return Frame.forMethod(this, c, args, 0);
  }
}
