package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.bulwark.sast.java.catalog.SinkSpec;
import dev.bulwark.sast.java.catalog.SourceKind;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Matches calls, field reads and constructors against the sources and sinks of the {@link TaintCatalog}. */
final class CatalogMatches {
  private final TaintCatalog catalog;

  CatalogMatches(TaintCatalog catalog) {
    this.catalog = catalog;
  }

  /** What data of this kind is: dangerous for every family that reports the kind. */
  Val source(SourceKind kind) {
    return Val.tainted(catalog.bitsFor(kind), kind.bit());
  }

  /** The value of a call that is a source, or null. */
  Val sourceCall(String name, Optional<Expression> scope, JavaTypes types) {
    if (scope.isEmpty()) {
      return null;
    }
    var kind = catalog.sources().staticCall(JavaTypes.lastSegment(scope.get().toString()) + "." + name);
    if (kind != null) {
      return source(kind);
    }
    String type = null;
    boolean typed = false;
    for (var s : catalog.sources().calls()) {
      if (!s.matchesMethod(name)) {
        continue;
      }
      if (!typed) {
        type = types.typeOf(scope.get());
        typed = true;
      }
      boolean receiver = s.receiverRole() != null ? s.receiverRole().matches(type, scope.get().toString())
          : type != null && s.receiverTypes().contains(type);
      if (receiver) {
        return source(s.kind());
      }
    }
    return null;
  }

  /** The value of a static field read that is a source ({@code System.in}), or null. */
  Val sourceField(FieldAccessExpr fa) {
    var kind = catalog.sources().field(JavaTypes.lastSegment(fa.getScope().toString()) + "." + fa.getNameAsString());
    return kind == null ? null : source(kind);
  }

  /** The value of {@code new type(...)} when it is a source (a file opened for reading), or null. */
  Val sourceConstructor(String type) {
    var kind = catalog.sources().constructor(type);
    return kind == null ? null : source(kind);
  }

  void sinksOfCall(Frame f, MethodCallExpr m, String name, Expression scope, Val receiver, List<Val> args) {
    String staticName = JavaTypes.lastSegment(scope.toString()) + "." + name;
    for (SinkSpec sink : catalog.sinks().statics(staticName)) {
      check(f, sink, staticName + "(...)", m, m.getArguments(), receiver, args);
    }
    var calls = catalog.sinks().calls(name);
    if (calls.isEmpty()) {
      return;
    }
    String type = f.types.typeOf(scope);
    for (SinkSpec sink : calls) {
      if (receiverMatches(type, scope, sink)) {
        check(f, sink, name + "(...)", m, m.getArguments(), receiver, args);
      }
    }
  }

  void sinksOfConstructor(Frame f, ObjectCreationExpr o, String type, List<Val> args) {
    for (SinkSpec sink : catalog.sinks().constructors(type)) {
      check(f, sink, "new " + type + "(...)", o, o.getArguments(), Val.CLEAN, args);
    }
  }

  private void check(Frame f, SinkSpec sink, String description, com.github.javaparser.ast.Node at,
      List<Expression> exprs, Val receiver, List<Val> args) {
    if (sink.whenArgument() >= 0 && !(sink.whenArgument() < args.size()
        && args.get(sink.whenArgument()).constant() instanceof String s && s.equalsIgnoreCase(sink.whenEquals()))) {
      return;
    }
    var family = sink.family();
    int kinds = 0;
    Expression dangerous = null;
    if (sink.argument() == SinkSpec.RECEIVER) {
      kinds = reaching(receiver, family.bit(), family.kinds());
    } else {
      for (int i = 0; i < args.size(); i++) {
        int k = sink.watches(i) ? reaching(args.get(i), family.bit(), family.kinds()) : 0;
        if (k != 0 && dangerous == null) {
          dangerous = exprs.get(i);
        }
        kinds |= k;
      }
    }
    if (kinds != 0) {
      f.file.report(new SinkHit(family, description, at, kinds, cwe(sink, dangerous, f)));
    }
  }

  /** The sink's CWE list, or the family's for the shape of the dangerous argument (null: the family's own). */
  private static List<Integer> cwe(SinkSpec sink, Expression dangerous, Frame f) {
    if (sink.cwe() != null) {
      return sink.cwe();
    }
    var family = sink.family();
    if (family.prefixedCwe() == null || dangerous == null) {
      return null;
    }
    return Shapes.prefixed(dangerous, f) ? family.prefixedCwe() : family.wholeCwe();
  }

  /**
   * The kinds of {@code v} that make it dangerous for a family with this bit reporting these kinds,
   * with {@link Val#PARAMETER} kept when there are some.
   */
  private static int reaching(Val v, int bit, int kinds) {
    if ((v.taint() & bit) == 0 || (v.kinds() & kinds) == 0) {
      return 0;
    }
    return v.kinds() & (kinds | Val.PARAMETER);
  }

  /** A receiver of known type must be one of the sink's; else its name (a variable or field) must hint at one. */
  private static boolean receiverMatches(String type, Expression scope, SinkSpec sink) {
    if (type != null) {
      return sink.receivers().contains(type);
    }
    if (!(scope instanceof NameExpr || scope instanceof FieldAccessExpr)) {
      return false;
    }
    String last = JavaTypes.lastSegment(scope.toString()).toLowerCase(Locale.ROOT);
    return sink.nameHints().stream().anyMatch(last::contains);
  }
}
