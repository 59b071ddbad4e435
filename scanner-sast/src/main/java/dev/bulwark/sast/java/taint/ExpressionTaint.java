package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * Evaluates expressions to {@link Val}s over the frame's state, applying assignments and the
 * side effects of builders and collections; calls go to {@link CallTaint}.
 */
final class ExpressionTaint {
  /** Types whose object is parsed from the text passed first: a check of the object validates the text. */
  private static final Set<String> PARSED = Set.of("URI", "URL");
  /** Wrappers (streams, readers, writers) whose writes reach the object they wrap. */
  private static final java.util.regex.Pattern WRAPPER = java.util.regex.Pattern.compile(
      ".*(Stream|Writer|Reader|Output|Input|Channel)");

  private final Frame f;
  private final CallTaint calls;

  ExpressionTaint(Frame frame) {
    this.f = frame;
    this.calls = new CallTaint(frame, this);
  }

  Val eval(Expression e) {
    if (e instanceof StringLiteralExpr s) {
      return f.file.literal(s.asString());
    } else if (e instanceof TextBlockLiteralExpr t) {
      return f.file.literal(t.asString());
    } else if (e instanceof IntegerLiteralExpr i) {
      return Val.of(i.asNumber());
    } else if (e instanceof LongLiteralExpr l) {
      return Val.of(l.asNumber());
    } else if (e instanceof CharLiteralExpr c) {
      return Val.of(c.asChar());
    } else if (e instanceof BooleanLiteralExpr b) {
      return Val.of(b.getValue());
    } else if (e instanceof NameExpr n) {
      return name(n.getNameAsString());
    } else if (e instanceof FieldAccessExpr fa) {
      return field(fa);
    } else if (e instanceof ArrayAccessExpr a) {
      eval(a.getIndex());
      return eval(a.getName()).taintOnly();
    } else if (e instanceof ArrayCreationExpr a) {
      return a.getInitializer().map(this::eval).orElse(Val.CLEAN);
    } else if (e instanceof ArrayInitializerExpr a) {
      return union(a.getValues());
    } else if (e instanceof BinaryExpr b) {
      return binary(b);
    } else if (e instanceof UnaryExpr u) {
      Val v = eval(u.getExpression());
      if (u.getExpression() instanceof NameExpr n && (u.getOperator().name().contains("CREMENT"))) {
        f.state.vars.put(n.getNameAsString(), Val.CLEAN);
      }
      return Val.of(Constants.unary(u.getOperator(), v.constant()));
    } else if (e instanceof AssignExpr a) {
      return assign(a);
    } else if (e instanceof ConditionalExpr c) {
      Val cond = eval(c.getCondition());
      if (cond.constant() instanceof Boolean b) {
        return eval(b ? c.getThenExpr() : c.getElseExpr());
      }
      return eval(c.getThenExpr()).join(eval(c.getElseExpr()));
    } else if (e instanceof EnclosedExpr en) {
      return eval(en.getInner());
    } else if (e instanceof CastExpr c) {
      return eval(c.getExpression());
    } else if (e instanceof InstanceOfExpr i) {
      Val v = eval(i.getExpression());
      // `x instanceof String s`, `p instanceof Point(var a, var b)`: the bindings hold x's data.
      i.getPattern().ifPresent(p -> p.findAll(TypePatternExpr.class).forEach(t -> f.state.set(t.getNameAsString(), v.taintOnly())));
      return Val.CLEAN;
    } else if (e instanceof MethodCallExpr m) {
      return calls.call(m);
    } else if (e instanceof ObjectCreationExpr o) {
      return calls.construct(o);
    } else if (e instanceof VariableDeclarationExpr d) {
      d.getVariables().forEach(v -> define(v.getNameAsString(), v.getInitializer().orElse(null)));
      return Val.CLEAN;
    } else if (e instanceof SwitchExpr s) {
      return new TaintInterpreter(f).switchValue(s);
    } else if (e instanceof LambdaExpr l) {
      // The body runs later, with what it captured now: analyse it on a copy, for its sinks.
      State saved = f.state;
      f.state = saved.copy();
      new TaintInterpreter(f).exec(l.getBody());
      f.state = saved;
      return Val.CLEAN;
    }
    return Val.CLEAN;
  }

  Val union(List<? extends Expression> es) {
    Val v = Val.CLEAN;
    for (Expression x : es) {
      v = v.or(eval(x));
    }
    return v;
  }

  /** Gives a local its initial value; a new empty collection gets a shape the analysis follows. */
  void define(String name, Expression init) {
    bind(name, init, init == null ? Val.CLEAN : eval(init));
  }

  private void bind(String name, Expression init, Val v) {
    f.state.set(name, v);
    if (init instanceof ObjectCreationExpr o) {
      String type = JavaTypes.simple(o.getType());
      var propagators = f.file.catalog.propagators();
      if (o.getArguments().isEmpty() && propagators.lists().contains(type)) {
        f.state.lists.put(name, new ArrayList<>());
      } else if (o.getArguments().isEmpty() && propagators.maps().contains(type)) {
        f.state.maps.put(name, new HashMap<>());
      } else if (!o.getArguments().isEmpty() && o.getArgument(0) instanceof NameExpr inner
          && f.state.vars.containsKey(inner.getNameAsString())) {
        if (PARSED.contains(type)) {
          f.state.parsedFrom.put(name, inner.getNameAsString());
        } else if (WRAPPER.matcher(type).matches()) {
          f.state.wraps.put(name, inner.getNameAsString());
        }
      }
    } else if (init instanceof MethodCallExpr m && m.getNameAsString().equals("create") && m.getArguments().size() == 1
        && m.getScope().filter(s -> s.toString().endsWith("URI")).isPresent() && m.getArgument(0) instanceof NameExpr n) {
      f.state.parsedFrom.put(name, n.getNameAsString());
    }
  }

  private Val name(String name) {
    Val v = f.state.vars.get(name);
    if (v != null) {
      return v;
    }
    Object c = f.file.fieldConstants.get(name);
    return c instanceof String s ? f.file.literal(s) : c == null ? Val.CLEAN : Val.of(c);
  }

  /** {@code this.x}, {@code Own.x} (fields of this file), {@code Other.x} (another class's static), {@code obj.x}. */
  private Val field(FieldAccessExpr fa) {
    String name = fa.getNameAsString();
    var scope = fa.getScope();
    if (scope instanceof ThisExpr || scope instanceof NameExpr n && f.file.classNames.contains(n.getNameAsString())
        && !f.state.vars.containsKey(n.getNameAsString())) {
      return name(name);
    }
    Val known = f.state.vars.get(FieldKeys.of(fa));
    if (known != null) {
      return known;
    }
    var source = f.file.matches.sourceField(fa);
    if (source != null) {
      return source;
    }
    if (f.state.vars.containsKey(name) || f.file.fieldConstants.containsKey(name)) {
      return name(name);
    }
    return eval(scope).taintOnly();
  }

  private Val binary(BinaryExpr b) {
    Val l = eval(b.getLeft());
    var op = b.getOperator();
    // Short-circuit: a constant left side decides whether the right side runs at all.
    if (op == BinaryExpr.Operator.AND && Boolean.FALSE.equals(l.constant())) {
      return Val.of(false);
    }
    if (op == BinaryExpr.Operator.OR && Boolean.TRUE.equals(l.constant())) {
      return Val.of(true);
    }
    Val r = eval(b.getRight());
    Object c = Constants.binary(op, l.constant(), r.constant());
    if (op != BinaryExpr.Operator.PLUS) {
      return Val.of(c);
    }
    Val both = l.or(r);
    return new Val(both.taint(), both.kinds(), c);
  }

  private Val assign(AssignExpr a) {
    Val v = eval(a.getValue());
    Expression target = a.getTarget();
    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
      Val old = eval(target);
      var op = a.getOperator().toBinaryOperator().orElse(BinaryExpr.Operator.PLUS);
      Object c = Constants.binary(op, old.constant(), v.constant());
      Val both = op == BinaryExpr.Operator.PLUS ? old.or(v) : Val.CLEAN;
      v = new Val(both.taint(), both.kinds(), c);
    }
    if (target instanceof NameExpr n) {
      String name = n.getNameAsString();
      if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
        bind(name, a.getValue(), v);
      } else {
        f.state.vars.put(name, v);
      }
      if (!f.locals.contains(name) && f.file.fieldNames.contains(name)) {
        f.file.storeField(name, v);
      }
    } else if (target instanceof FieldAccessExpr fa) {
      assignField(fa, v);
    } else if (target instanceof ArrayAccessExpr aa && root(aa.getName()) instanceof NameExpr n) {
      f.state.grow(n.getNameAsString(), v.taintOnly());
    }
    return v;
  }

  private void assignField(FieldAccessExpr fa, Val v) {
    String name = fa.getNameAsString();
    var scope = fa.getScope();
    boolean own = scope instanceof ThisExpr || scope instanceof NameExpr n && f.file.classNames.contains(n.getNameAsString())
        && !f.state.vars.containsKey(n.getNameAsString());
    if (own) {
      f.state.set(name, v);
      if (f.file.fieldNames.contains(name)) {
        f.file.storeField(name, v);
      }
      return;
    }
    f.state.vars.put(FieldKeys.of(fa), v);
    // An object holding tainted data is tainted (fields are not told apart across objects).
    if (root(scope) instanceof NameExpr holder && f.state.vars.containsKey(holder.getNameAsString())) {
      f.state.grow(holder.getNameAsString(), v.taintOnly());
    }
  }

  private static Expression root(Expression e) {
    while (e instanceof ArrayAccessExpr || e instanceof FieldAccessExpr) {
      e = e instanceof ArrayAccessExpr a ? a.getName() : ((FieldAccessExpr) e).getScope();
    }
    return e;
  }
}
