package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.SinkFamily;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.types.JavaTypes;
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
 * The taint analysis of one Java file: its methods (summaries of calls within the file), its
 * fields (their constants, and the taint code anywhere in the file stores into them), the
 * catalogue, the project's facts and other files ({@link ProjectCallees}), and where sink hits go.
 */
public final class FileTaint {
  static final int MAX_CALL_DEPTH = 3;
  private static final int MAX_FIELD_ROUNDS = 3;

  final CompilationUnit cu;
  final Project project;
  final TaintCatalog catalog;
  final ProjectCallees callees;
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

  public FileTaint(CompilationUnit cu, Project project, TaintCatalog catalog, ProjectCallees callees,
      Consumer<SinkHit> hits) {
    this.cu = cu;
    this.project = project;
    this.catalog = catalog;
    this.callees = callees;
    this.hits = hits;
    this.fieldTypes = JavaTypes.ofFields(cu, catalog);
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

  public CompilationUnit cu() {
    return cu;
  }

  /**
   * Runs every method and constructor as an entry point. What one stores into a field, the others
   * read: the file is analysed again while the fields' taint grows (the caller reports a hit once).
   */
  public void analyseEntryPoints() {
    for (int round = 0; round < MAX_FIELD_ROUNDS; round++) {
      var before = new HashMap<>(fieldTaint);
      for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
        var body = c instanceof MethodDeclaration m ? m.getBody().orElse(null)
            : ((ConstructorDeclaration) c).getBody();
        if (body != null) {
          new TaintInterpreter(entry(c)).run(body);
        }
      }
      if (fieldTaint.equals(before)) {
        break;
      }
    }
  }

  void report(SinkFamily family, String sink, Node node) {
    var hit = new SinkHit(family, sink, node);
    hits.accept(hit);
    recording.forEach(r -> r.add(hit));
  }

  /**
   * Code stored {@code v} into field {@code name}. When the field's taint grows, summaries made
   * with the old field values are dropped (the file is analysed again while fields grow).
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
   * What a call to a method of this file returns when given these arguments, and the sinks they
   * reach inside it: the method is analysed with its parameters bound to them (sinks inside it are
   * reported too, also when the summary comes from the cache).
   */
  public Summary summarise(MethodDeclaration m, List<Val> args, int depth) {
    Val all = args.stream().reduce(Val.CLEAN, Val::or);
    if (depth > MAX_CALL_DEPTH || inProgress.contains(m)) {
      return new Summary(all, List.of());
    }
    var key = new StringBuilder(System.identityHashCode(m) + ":");
    args.forEach(a -> key.append(a.taint()).append(','));
    Summary cached = summaries.get(key.toString());
    if (cached != null) {
      cached.hits().forEach(h -> report(h.family(), h.sink(), h.node()));
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

  /** The methods of a top-level type of this file with this name and arity that have a body. */
  public List<MethodDeclaration> methodsOf(String className, String name, int arity) {
    return cu.getTypes().stream().filter(t -> t.getNameAsString().equals(className))
        .flatMap(t -> t.getMethodsByName(name).stream())
        .filter(m -> m.getParameters().size() == arity && m.getBody().isPresent())
        .toList();
  }

  /** The entry frame of any method or constructor: parameters with a source annotation are sources. */
  private Frame entry(CallableDeclaration<?> c) {
    var args = new ArrayList<Val>();
    for (var p : c.getParameters()) {
      boolean source = p.getAnnotations().stream()
          .anyMatch(a -> catalog.sourceAnnotations().contains(a.getName().getIdentifier()));
      args.add(source ? Val.tainted(catalog.allBits()) : Val.CLEAN);
    }
    return Frame.forMethod(this, c, args, 0);
  }
}
