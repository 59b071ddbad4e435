package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Method calls and constructors: sources and sinks ({@link CatalogMatches}), sanitisers by name
 * and by effect ({@link Effects}), collections with constant keys and indexes, calls to methods of
 * the same file and of other files (through summaries), and by default a result tainted by its
 * receiver and arguments.
 */
final class CallTaint {
  private final Frame f;
  private final ExpressionTaint ex;
  private final CollectionModels collections;
  private final TaintCatalog catalog;
  private final CatalogMatches matches;

  CallTaint(Frame frame, ExpressionTaint ex) {
    this.f = frame;
    this.ex = ex;
    this.collections = new CollectionModels(frame);
    this.catalog = frame.file.catalog;
    this.matches = frame.file.matches;
  }

  Val call(MethodCallExpr m) {
    String name = m.getNameAsString();
    Optional<Expression> scope = m.getScope();
    Val receiver = scope.map(ex::eval).orElse(Val.CLEAN);
    var args = new ArrayList<Val>();
    m.getArguments().forEach(a -> args.add(ex.eval(a)));

    scope.ifPresent(s -> matches.sinksOfCall(f, m, name, s, receiver, args));
    Val source = matches.sourceCall(name, scope, f.types);
    if (source != null) {
      return source;
    }
    if (name.equals("getProperty") && !args.isEmpty() && args.get(0).constant() instanceof String key) {
      Object def = args.size() > 1 ? args.get(1).constant() : null;
      Object value = f.file.project.property(key).map(Object.class::cast).orElse(def);
      return new Val(receiver.taint(), receiver.taint() == 0 ? 0 : receiver.kinds(), value);
    }
    Val collected = collections.apply(m, name, scope, receiver, args);
    if (collected != null) {
      return collected;
    }
    Val all = flowing(m.getArguments(), args, name).stream().reduce(receiver, Val::or);
    if (scope.isEmpty() || scope.get() instanceof ThisExpr || isLocalClass(scope.get())) {
      var targets = Overloads.compatible(f.file.methods(name, args.size()), m.getArguments(), f.types);
      if (!targets.isEmpty()) {
        var globals = f.file.globals(f.state);
        boolean param = fromParameters(args, receiver);
        return targets.stream().map(t -> fromCallee(f.file.summarise(t, args, receiver, globals, f.depth).returned(), param))
            .reduce(Val.CLEAN, Val::or);
      }
    }
    // What the catalogue knows of a method wins over following its source (the JDK's own String).
    Val known = known(m, name, scope, receiver, args, all);
    if (known != null) {
      return known;
    }
    var followed = scope.flatMap(s -> intoProject(m, name, s, receiver, args));
    if (followed.isPresent()) {
      return followed.get();
    }
    return library(m, name, receiver, args, all);
  }

  Val construct(ObjectCreationExpr o) {
    var args = new ArrayList<Val>();
    o.getArguments().forEach(a -> args.add(ex.eval(a)));
    String type = JavaTypes.simple(o.getType());
    matches.sinksOfConstructor(f, o, type, args);
    Val all = flowing(o.getArguments(), args, type).stream().reduce(Val.CLEAN, Val::or);
    Val source = matches.sourceConstructor(type);
    if (source != null) {
      return source.or(all);
    }
    if (!f.file.classNames.contains(type) && f.file.callees.declares(type) && worthFollowing(o.getArguments(), args)) {
      var globals = f.file.callees.relevant(type, f.file.globals(f.state));
      var call = new ProjectCallees.Call(type, ProjectCallees.Call.CONSTRUCTOR, strip(args), Val.CLEAN, strip(globals),
          f.depth, f.file.path, remote(args, Val.CLEAN, globals, false));
      f.file.callees.call(call).ifPresent(s -> report(s, o, type, fromParameters(args, Val.CLEAN)));
    }
    return all;
  }

  /** A call into another file of the project, when data could flow through it. */
  private Optional<Val> intoProject(MethodCallExpr m, String name, Expression scope, Val receiver, List<Val> args) {
    String cls = projectClass(scope);
    if (cls == null) {
      return Optional.empty();
    }
    var globals = f.file.callees.relevant(cls, f.file.globals(f.state));
    boolean worth = worthFollowing(m.getArguments(), args) || (receiver.kinds() & ~(literalKind() | Val.PARAMETER)) != 0
        || m.getArguments().stream().anyMatch(f.types::isRequest) || !globals.isEmpty()
        || f.file.callees.mayReturnSource(cls, name, f.file.literalSinks);
    if (!worth) {
      return Optional.empty();
    }
    boolean param = fromParameters(args, receiver);
    boolean request = m.getArguments().stream().anyMatch(f.types::isRequest);
    var call = new ProjectCallees.Call(cls, name, strip(args), receiver.taintOnly().withoutKinds(Val.PARAMETER),
        strip(globals), f.depth, f.file.path, remote(args, receiver, globals, request));
    return f.file.callees.call(call).map(s -> {
      report(s, m, cls + "." + name, param);
      return fromCallee(s.returned(), param);
    });
  }

  /**
   * Re-reports at the call the sinks the callee reaches with what this call passes (the callee's own
   * sources are the callee file's findings); they depend on this method's parameters when its
   * arguments did.
   */
  private void report(Summary s, com.github.javaparser.ast.Node at, String callee, boolean param) {
    for (var hit : s.hits()) {
      if ((hit.kinds() & Val.PARAMETER) != 0) {
        int kinds = (hit.kinds() & ~Val.PARAMETER) | (param ? Val.PARAMETER : 0);
        f.file.report(new SinkHit(hit.family(), hit.sink() + " in " + callee, at, kinds, hit.cwe()));
      }
    }
  }

  /** A callee's result in this method: derived from this method's parameters only when what it was given was. */
  private static Val fromCallee(Val returned, boolean param) {
    if ((returned.kinds() & Val.PARAMETER) == 0) {
      return returned;
    }
    return param ? returned : returned.withoutKinds(Val.PARAMETER);
  }

  /** Whether the call carries remote data (or the request itself): then it is followed into any package. */
  private boolean remote(List<Val> args, Val receiver, java.util.Map<String, Val> globals, boolean request) {
    int remote = catalog.remoteKinds();
    return request || (receiver.kinds() & remote) != 0 || args.stream().anyMatch(a -> (a.kinds() & remote) != 0)
        || globals.values().stream().anyMatch(g -> (g.kinds() & remote) != 0);
  }

  private static boolean fromParameters(List<Val> args, Val receiver) {
    return ((receiver.kinds() | args.stream().mapToInt(Val::kinds).reduce(0, (a, b) -> a | b)) & Val.PARAMETER) != 0;
  }

  private static List<Val> strip(List<Val> args) {
    return args.stream().map(a -> a.withoutKinds(Val.PARAMETER)).toList();
  }

  private static java.util.Map<String, Val> strip(java.util.Map<String, Val> globals) {
    var out = new java.util.HashMap<String, Val>();
    globals.forEach((k, v) -> out.put(k, v.withoutKinds(Val.PARAMETER)));
    return out;
  }

  /**
   * The arguments whose data flows into a call's result by default: a literal written straight as
   * an argument names a setting ("UTF-8", "HmacSHA256") and keeps its literal kind only through a
   * conversion ({@code Base64.getDecoder().decode("...")}).
   */
  private List<Val> flowing(List<Expression> exprs, List<Val> args, String name) {
    int literal = literalKind();
    if (literal == 0 || catalog.propagators().conversions().contains(name)) {
      return args;
    }
    var out = new ArrayList<Val>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Val a = args.get(i);
      boolean written = exprs.get(i) instanceof com.github.javaparser.ast.expr.StringLiteralExpr
          || exprs.get(i) instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr;
      out.add(written && (a.kinds() & literal) != 0 ? a.withoutKinds(literal) : a);
    }
    return out;
  }

  /**
   * Whether the arguments could carry data into a callee: a tainted argument that is not itself a
   * literal (a literal passed straight to a helper is no flow worth following), or a local
   * variable holding a literal (a hard-coded credential handed on).
   */
  private boolean worthFollowing(List<Expression> exprs, List<Val> args) {
    int literal = literalKind();
    for (int i = 0; i < args.size(); i++) {
      Val a = args.get(i);
      if (!a.isTainted()) {
        continue;
      }
      if ((a.kinds() & ~(literal | Val.PARAMETER)) != 0) {
        return true;
      }
      if (exprs.get(i) instanceof NameExpr n && f.locals.contains(n.getNameAsString())) {
        return true;
      }
    }
    return false;
  }

  private int literalKind() {
    var k = catalog.sources().literal();
    return k == null ? 0 : k.bit();
  }

  /** What the catalogue says a call returns (parsers, sanitisers, effects, clean results), or null. */
  private Val known(MethodCallExpr m, String name, Optional<Expression> scope, Val receiver, List<Val> args, Val all) {
    var propagators = catalog.propagators();
    String scopeName = scope.map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
    if (name.equals("valueOf") && propagators.parsingTypes().contains(scopeName)) {
      return Val.CLEAN;
    }
    Integer cleared = catalog.staticSanitiser(scopeName + "." + name);
    if (cleared == null) {
      cleared = catalog.sanitiser(name);
    }
    if (cleared != null) {
      return all.sanitise(cleared);
    }
    Val effect = Effects.ofCall(f, m, name, scope, receiver, args);
    if (effect != null) {
      return effect;
    }
    if (propagators.clean().contains(name)) {
      return Val.CLEAN;
    }
    Long index = args.isEmpty() ? null : Constants.number(args.get(0).constant());
    if (name.equals("charAt") && receiver.constant() instanceof String s && index != null
        && index >= 0 && index < s.length()) {
      return Val.of(s.charAt(index.intValue()));
    }
    return null;
  }

  /** Library calls: buffers filled from the receiver, builders and collections grown, else the default. */
  private Val library(MethodCallExpr m, String name, Val receiver, List<Val> args, Val all) {
    var propagators = catalog.propagators();
    if (propagators.fills().contains(name)) {
      if (!m.getArguments().isEmpty() && m.getArgument(0) instanceof NameExpr buffer) {
        f.state.grow(buffer.getNameAsString(), receiver.taintOnly());
      }
      return Val.CLEAN;
    }
    if (propagators.mutators().contains(name)) {
      Expression root = mutatedRoot(m);
      if (root instanceof NameExpr n) {
        String var = n.getNameAsString();
        f.state.grow(var, args.stream().reduce(Val.CLEAN, Val::or).taintOnly());
        return f.state.get(var).taintOnly();
      }
    }
    return all.taintOnly();
  }

  private boolean isLocalClass(Expression scope) {
    if (scope instanceof ObjectCreationExpr o) {
      return f.file.classNames.contains(JavaTypes.simple(o.getType()));
    }
    String t = f.types.typeOf(scope);
    return t != null && f.file.classNames.contains(t);
  }

  /**
   * The class of another file of the project that a call on this scope goes to: a static call
   * ({@code Helper.m()}, {@code com.x.Helper.m()}), a variable or expression of that type, or a
   * new instance. Null for library and same-file classes.
   */
  private String projectClass(Expression scope) {
    String cls = f.types.typeOf(scope);
    if (cls == null && (scope instanceof NameExpr || scope instanceof FieldAccessExpr)
        && !f.state.vars.containsKey(JavaTypes.lastSegment(scope.toString()))) {
      String last = JavaTypes.lastSegment(scope.toString());
      cls = !last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? last : null;
    }
    if (cls == null || f.file.classNames.contains(cls) || scope instanceof LiteralExpr) {
      return null;
    }
    return f.file.callees.declares(cls) ? cls : null;
  }

  /** The variable a chain like {@code sb.append(a).append(b)} writes into. */
  private Expression mutatedRoot(MethodCallExpr m) {
    Expression e = m.getScope().orElse(null);
    while (e instanceof MethodCallExpr inner && catalog.propagators().mutators().contains(inner.getNameAsString())) {
      e = inner.getScope().orElse(null);
    }
    return e;
  }
}
