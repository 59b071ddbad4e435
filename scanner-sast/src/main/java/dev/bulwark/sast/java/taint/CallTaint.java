package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.bulwark.sast.java.catalog.SinkSpec;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Method calls and constructors: sources, sinks, sanitisers (all from the {@link TaintCatalog}),
 * collections with constant keys and indexes, calls to methods of the same file and of other files
 * (through summaries), and by default a result tainted by its receiver and arguments.
 */
final class CallTaint {
  private final Frame f;
  private final ExpressionTaint ex;
  private final CollectionModels collections;
  private final TaintCatalog catalog;

  CallTaint(Frame frame, ExpressionTaint ex) {
    this.f = frame;
    this.ex = ex;
    this.collections = new CollectionModels(frame);
    this.catalog = frame.file.catalog;
  }

  Val call(MethodCallExpr m) {
    String name = m.getNameAsString();
    Optional<Expression> scope = m.getScope();
    Val receiver = scope.map(ex::eval).orElse(Val.CLEAN);
    var args = new ArrayList<Val>();
    m.getArguments().forEach(a -> args.add(ex.eval(a)));

    if (scope.isPresent() && isSource(scope.get(), name)) {
      return Val.tainted(catalog.allBits());
    }
    checkSinks(m, name, scope, args);
    if (name.equals("getProperty") && !args.isEmpty() && args.get(0).constant() instanceof String key) {
      Object def = args.size() > 1 ? args.get(1).constant() : null;
      return Val.of(f.file.project.property(key).map(Object.class::cast).orElse(def));
    }
    Val collected = collections.apply(m, name, scope, receiver, args);
    if (collected != null) {
      return collected;
    }
    Val all = args.stream().reduce(receiver, Val::or);
    if (scope.isEmpty() || scope.get() instanceof ThisExpr || isLocalClass(scope.get())) {
      var targets = f.file.methods(name, args.size());
      if (!targets.isEmpty()) {
        return targets.stream().map(t -> f.file.summarise(t, args, f.depth).returned()).reduce(Val.CLEAN, Val::or);
      }
    }
    // Into another file of the project: worth it only when data could flow through the call (a
    // tainted argument, or a request the callee may read); a tainted receiver keeps the default,
    // since the callee's fields are not followed across objects.
    String projectClass = scope.filter(x -> !receiver.isTainted() && (args.stream().anyMatch(Val::isTainted)
        || m.getArguments().stream().anyMatch(f.types::isRequest))).map(this::projectClass).orElse(null);
    if (projectClass != null) {
      var summary = f.file.callees.call(projectClass, name, args, f.depth);
      if (summary.isPresent()) {
        for (var hit : summary.get().hits()) {
          f.file.report(hit.family(), hit.sink() + " in " + projectClass + "." + name, m);
        }
        return summary.get().returned();
      }
    }
    var propagators = catalog.propagators();
    if (name.equals("valueOf") && scope.isPresent()
        && propagators.parsingTypes().contains(JavaTypes.lastSegment(scope.get().toString()))) {
      return Val.CLEAN;
    }
    Integer cleared = catalog.sanitiser(name);
    if (cleared != null) {
      return all.sanitise(cleared);
    }
    if (propagators.clean().contains(name)) {
      return Val.CLEAN;
    }
    Long index = args.isEmpty() ? null : Constants.number(args.get(0).constant());
    if (name.equals("charAt") && receiver.constant() instanceof String s && index != null
        && index >= 0 && index < s.length()) {
      return Val.of(s.charAt(index.intValue()));
    }
    if (propagators.mutators().contains(name)) {
      Expression root = mutatedRoot(m);
      if (root instanceof NameExpr n) {
        String var = n.getNameAsString();
        Val grown = f.state.get(var).or(args.stream().reduce(Val.CLEAN, Val::or));
        f.state.vars.put(var, grown);
        return grown;
      }
    }
    return Val.tainted(all.taint());
  }

  Val construct(ObjectCreationExpr o) {
    var args = new ArrayList<Val>();
    o.getArguments().forEach(a -> args.add(ex.eval(a)));
    String type = JavaTypes.simple(o.getType());
    for (SinkSpec sink : catalog.constructorSinks(type)) {
      if (tainted(args, sink)) {
        f.file.report(sink.family(), "new " + type + "(...)", o);
      }
    }
    return Val.tainted(args.stream().reduce(Val.CLEAN, Val::or).taint());
  }

  private boolean isSource(Expression scope, String name) {
    for (var source : catalog.callSources()) {
      if (source.matchesCall(name) && source.receiver().matches(f.types.typeOf(scope), scope.toString())) {
        return true;
      }
    }
    return false;
  }

  private void checkSinks(MethodCallExpr m, String name, Optional<Expression> scope, List<Val> args) {
    if (scope.isEmpty()) {
      return;
    }
    String staticName = JavaTypes.lastSegment(scope.get().toString()) + "." + name;
    for (SinkSpec sink : catalog.staticSinks(staticName)) {
      if (tainted(args, sink)) {
        f.file.report(sink.family(), staticName + "(...)", m);
      }
    }
    for (SinkSpec sink : catalog.callSinks(name)) {
      if (receiverMatches(scope.get(), sink) && tainted(args, sink)) {
        f.file.report(sink.family(), name + "(...)", m);
      }
    }
  }

  private boolean receiverMatches(Expression scope, SinkSpec sink) {
    String type = f.types.typeOf(scope);
    if (type != null) {
      return sink.receivers().contains(type);
    }
    String text = scope.toString().toLowerCase(Locale.ROOT);
    String last = text.substring(text.lastIndexOf('.') + 1);
    return sink.nameHints().stream().anyMatch(last::contains);
  }

  private static boolean tainted(List<Val> args, SinkSpec sink) {
    int bit = sink.family().bit();
    for (int i = 0; i < args.size(); i++) {
      if (sink.watches(i) && (args.get(i).taint() & bit) != 0) {
        return true;
      }
    }
    return false;
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
    if (cls == null || f.file.classNames.contains(cls)) {
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
