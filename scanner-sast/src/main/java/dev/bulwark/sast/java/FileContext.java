package dev.bulwark.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.core.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One Java file under analysis: its methods (for summaries of calls within the file), the
 * constants of its fields, the project's properties, and where sink hits go.
 */
final class FileContext {
  /** Request data of class {@code vuln} reached {@code sink} at {@code node}. */
  record SinkHit(Vuln vuln, String sink, Node node) {}

  static final int MAX_CALL_DEPTH = 3;

  final CompilationUnit cu;
  final Project project;
  final JavaTypes fieldTypes;
  final Set<String> classNames = new HashSet<>();
  final Map<String, Object> fieldConstants = new HashMap<>();
  private final Map<String, List<MethodDeclaration>> methods = new HashMap<>();
  private final Map<String, Val> summaries = new HashMap<>();
  private final Set<MethodDeclaration> inProgress = new HashSet<>();
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
      if (f.isFinal()) {
        f.getVariables().forEach(v -> v.getInitializer().filter(StringLiteralExpr.class::isInstance)
            .ifPresent(i -> fieldConstants.put(v.getNameAsString(), ((StringLiteralExpr) i).asString())));
      }
    }
  }

  void report(Vuln vuln, String sink, Node node) {
    hits.accept(new SinkHit(vuln, sink, node));
  }

  List<MethodDeclaration> methods(String name, int arity) {
    return methods.getOrDefault(name + "/" + arity, List.of());
  }

  /**
   * The value a call to a method of this file returns when given these arguments: the method
   * is analysed with its parameters bound to them (sinks inside it are reported too).
   */
  Val summary(MethodDeclaration m, List<Val> args, int depth) {
    Val all = args.stream().reduce(Val.CLEAN, Val::or);
    if (depth > MAX_CALL_DEPTH || inProgress.contains(m)) {
      return all;
    }
    var key = new StringBuilder(System.identityHashCode(m) + ":");
    args.forEach(a -> key.append(a.taint()).append(','));
    Val cached = summaries.get(key.toString());
    if (cached != null) {
      return cached;
    }
    inProgress.add(m);
    try {
      var frame = Frame.forMethod(this, m, args, depth + 1);
      new TaintInterpreter(frame).run(m.getBody().orElseThrow());
      Val result = Val.tainted(frame.returned.taint());
      summaries.put(key.toString(), result);
      return result;
    } finally {
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
