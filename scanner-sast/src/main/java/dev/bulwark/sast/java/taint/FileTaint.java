package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.syntax.Nodes;
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
  static final int MAX_CALL_DEPTH = 8;
  private static final int MAX_FIELD_ROUNDS = 3;

  final CompilationUnit cu;
  final String path;
  final Project project;
  final TaintCatalog catalog;
  final CatalogMatches matches;
  final ProjectCallees callees;
  final JavaTypes fieldTypes;
  final Set<String> classNames = new HashSet<>();
  final Map<String, Object> fieldConstants = new HashMap<>();
  final Set<String> fieldNames = new HashSet<>();
  /** Field → the simple name of the class declaring it (for {@code Type.field} seen from other files). */
  private final Map<String, String> fieldOwners = new HashMap<>();
  /** Field → union of what the file's methods store into it (flow-insensitive across methods). */
  final Map<String, Val> fieldTaint = new HashMap<>();
  private final Map<String, List<MethodDeclaration>> methods = new HashMap<>();
  private final Map<String, Summary> summaries = new HashMap<>();
  /** Summaries computed while a call was cut (see {@link Cuts}): kept for the current file only. */
  private final Map<String, Summary> cutSummaries = new HashMap<>();
  /** Identity, not equals: a JavaParser node's hashCode walks its whole subtree. */
  private final Set<CallableDeclaration<?>> inProgress = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final Deque<List<SinkHit>> recording = new ArrayDeque<>();
  private final Consumer<SinkHit> hits;
  private boolean grown;
  private final Map<String, List<TypeDeclaration<?>>> typesByName;
  /** Methods that, called with nothing tainted, return untrusted data read inside them. */
  private final Set<String> sourceMethods = new HashSet<>();
  /** A file whose methods are only summarised for callers elsewhere: its fields hold what the receiver holds. */
  private boolean callee;
  /** Whether the file has a sink that reports literals (then literals returned by callees are followed). */
  boolean literalSinks;

  public FileTaint(String path, CompilationUnit cu, Project project, TaintCatalog catalog, ProjectCallees callees,
      Consumer<SinkHit> hits) {
    this.path = path;
    this.cu = cu;
    this.project = project;
    this.catalog = catalog;
    this.matches = new CatalogMatches(catalog);
    this.callees = callees;
    this.hits = hits;
    // One walk for the types, methods and fields. The fields' types are found before the methods
    // are known (a field initialised by a call of this file's has no type from it), as they were
    // when each had its walk.
    var types = new ArrayList<TypeDeclaration<?>>();
    var declared = new ArrayList<MethodDeclaration>();
    var fields = new ArrayList<FieldDeclaration>();
    Nodes.walk(cu, node -> {
      if (node instanceof TypeDeclaration<?> t) {
        types.add(t);
      } else if (node instanceof MethodDeclaration m && m.getBody().isPresent()) {
        declared.add(m);
      } else if (node instanceof FieldDeclaration f) {
        fields.add(f);
      }
    });
    this.fieldTypes = JavaTypes.ofFields(fields, catalog, this::createdBy);
    typesByName = new HashMap<>();
    types.forEach(t -> {
      classNames.add(t.getNameAsString());
      typesByName.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(t);
    });
    declared.forEach(m -> methods.computeIfAbsent(m.getNameAsString() + "/" + m.getParameters().size(), k -> new ArrayList<>()).add(m));
    for (var f : fields) {
      String owner = f.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("");
      f.getVariables().forEach(v -> {
        fieldNames.add(v.getNameAsString());
        fieldOwners.putIfAbsent(v.getNameAsString(), owner);
      });
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
   * Marks this file as analysed only for callers in other files: what one summarised call stores in
   * a field is not what the next caller's object holds, so stores are not accumulated per field.
   */
  public FileTaint asCallee() {
    callee = true;
    return this;
  }

  /** Forgets the summaries that depended on how the current file reached them (a new file begins). */
  public void forgetCutSummaries() {
    cutSummaries.clear();
  }

  /** Tells the analysis that the file has a sink that reports literals (a credential or key parameter). */
  public FileTaint withLiteralSinks(boolean literalSinks) {
    this.literalSinks = literalSinks;
    return this;
  }

  /**
   * Runs every method and constructor as an entry point. What one stores into a field, the others
   * read: the file is analysed again while the fields' taint grows (the caller reports a hit once).
   */
  public void analyseEntryPoints() {
    for (int round = 0; round < MAX_FIELD_ROUNDS; round++) {
      grown = false;
      for (CallableDeclaration<?> c : Nodes.findAll(cu, CallableDeclaration.class)) {
        var body = c instanceof MethodDeclaration m ? m.getBody().orElse(null)
            : ((ConstructorDeclaration) c).getBody();
        if (body != null) {
          var frame = entry(c);
          new TaintInterpreter(frame).run(body);
          var literal = catalog.sources().literal();
          if (c instanceof MethodDeclaration m && c.getParameters().isEmpty()
              && (frame.returned.kinds() & ~(literal == null ? 0 : literal.bit()) & ~Val.PARAMETER) != 0) {
            sourceMethods.add(m.getNameAsString());
          }
        }
      }
      if (!grown) {
        break;
      }
    }
  }

  /** Methods without parameters that return untrusted data they read themselves (found by {@link #analyseEntryPoints}). */
  public Set<String> sourceMethods() {
    return sourceMethods;
  }

  /** The value of a string literal: its constant, and the literal kind's taint when not empty. */
  Val literal(String s) {
    var kind = catalog.sources().literal();
    if (s.isEmpty() || kind == null) {
      return Val.of(s);
    }
    return new Val(catalog.bitsFor(kind), kind.bit(), s);
  }

  void report(SinkHit hit) {
    hits.accept(hit);
    recording.forEach(r -> r.add(hit));
  }

  /**
   * Code stored {@code v} into field {@code name}. When the field's taint grows, summaries made
   * with the old field values are dropped; growth from anything but literals makes the entry points
   * run again.
   */
  void storeField(String name, Val v) {
    if (callee) {
      return;
    }
    Val old = fieldTaint.getOrDefault(name, Val.CLEAN);
    Val now = old.or(v);
    if (now.taint() != old.taint() || now.kinds() != old.kinds()) {
      fieldTaint.put(name, now);
      summaries.clear();
      cutSummaries.clear();
      var literal = catalog.sources().literal();
      if (((now.kinds() & ~old.kinds()) & ~(literal == null ? 0 : literal.bit()) & ~Val.PARAMETER) != 0) {
        grown = true;
      }
    }
  }

  /**
   * The values a callee in another file may read as static fields: this file's tainted fields
   * ({@code "Owner.field"}) and the other classes' statics the frame knows.
   */
  Map<String, Val> globals(State state) {
    var globals = new HashMap<String, Val>();
    state.vars.forEach((k, v) -> {
      if (!v.isTainted()) {
        return;
      }
      if (FieldKeys.isField(k)) {
        globals.put(k, v.taintOnly());
      } else if (fieldNames.contains(k)) {
        globals.put(fieldOwners.get(k) + "." + k, v.taintOnly());
      }
    });
    return globals;
  }

  List<MethodDeclaration> methods(String name, int arity) {
    return methods.getOrDefault(name + "/" + arity, List.of());
  }

  /**
   * What a call to a method (or constructor) of this file returns when given these arguments, and
   * the sinks they reach inside it: the callable is analysed with its parameters bound to them, its
   * fields holding {@code self}'s taint besides what the file stores in them, and the caller's
   * {@code globals} (sinks inside are reported too, also when the summary comes from the cache).
   */
  public Summary summarise(CallableDeclaration<?> m, List<Val> args, Val self, Map<String, Val> globals, int depth) {
    Val all = args.stream().reduce(Val.CLEAN, Val::or);
    if (depth > MAX_CALL_DEPTH || inProgress.contains(m)) {
      Cuts.cut();
      return new Summary(all, List.of());
    }
    var key = new ProjectCallees.Call("", String.valueOf(System.identityHashCode(m)), args, self, globals, 0, "", false)
        .key();
    Summary cached = summaries.get(key);
    if (cached == null) {
      cached = cutSummaries.get(key);
    }
    if (cached != null) {
      cached.hits().forEach(this::report);
      return cached;
    }
    var body = m instanceof MethodDeclaration md ? md.getBody().orElse(null) : ((ConstructorDeclaration) m).getBody();
    if (body == null) {
      return new Summary(all, List.of());
    }
    inProgress.add(m);
    var hitsInside = new ArrayList<SinkHit>();
    recording.push(hitsInside);
    try {
      // What the caller passes is marked: a sink it reaches is the caller's finding (Val.PARAMETER).
      var passed = args.stream().map(a -> a.withKinds(Val.PARAMETER)).toList();
      var passedGlobals = new HashMap<String, Val>();
      globals.forEach((k, v) -> passedGlobals.put(k, v.withKinds(Val.PARAMETER)));
      Val passedSelf = self.withKinds(Val.PARAMETER);
      int cuts = Cuts.count();
      var frame = Frame.forMethod(this, m, passed, depth + 1, passedGlobals);
      if (passedSelf.isTainted()) {
        fieldNames.stream().filter(n -> !frame.locals.contains(n))
            .forEach(n -> frame.state.vars.merge(n, passedSelf, Val::or));
      }
      new TaintInterpreter(frame).run(body);
      var result = new Summary(frame.returned.taintOnly(), List.copyOf(hitsInside));
      (Cuts.count() == cuts ? summaries : cutSummaries).put(key, result);
      return result;
    } finally {
      recording.pop();
      inProgress.remove(m);
    }
  }

  /** The declarations of a type of this file with this name (none when it declares no such type). */
  public List<TypeDeclaration<?>> types(String className) {
    return typesByName.getOrDefault(className, List.of());
  }

  /** The entry frame of any method or constructor: parameters with a source annotation are sources. */
  private Frame entry(CallableDeclaration<?> c) {
    var args = new ArrayList<Val>();
    for (var p : c.getParameters()) {
      Val v = Val.CLEAN;
      for (var a : p.getAnnotations()) {
        var kind = catalog.sources().annotation(a.getName().getIdentifier());
        if (kind != null) {
          v = matches.source(kind);
        }
      }
      args.add(v);
    }
    return Frame.forMethod(this, c, args, 0, Map.of());
  }

  /**
   * The one type a method of this file creates and returns ({@code return new GoodHandler();}), so
   * that {@code Handler h = factory();} dispatches to it alone; null when unknown or several.
   */
  private String createdBy(String method) {
    String type = null;
    for (var list : methods.values()) {
      for (MethodDeclaration m : list) {
        if (!m.getNameAsString().equals(method)) {
          continue;
        }
        for (var r : Nodes.findAll(m, com.github.javaparser.ast.stmt.ReturnStmt.class)) {
          var e = r.getExpression().orElse(null);
          if (!(e instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o)) {
            return null;
          }
          String t = JavaTypes.simple(o.getType());
          if (type != null && !type.equals(t)) {
            return null;
          }
          type = t;
        }
      }
    }
    return type;
  }

  /** Whether {@code c} is a class (not an interface) of this file. */
  static boolean isClass(TypeDeclaration<?> t) {
    return !(t instanceof ClassOrInterfaceDeclaration c) || !c.isInterface();
  }
}
