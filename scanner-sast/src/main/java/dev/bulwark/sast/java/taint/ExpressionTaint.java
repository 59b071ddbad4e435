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
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import dev.bulwark.sast.java.types.JavaTypes;

/**
 * Evaluates expressions to {@link Val}s over the frame's state, applying assignments and the
 * side effects of builders and collections, and reporting tainted arguments of sinks.
 */
final class ExpressionTaint {
  private final Frame f;
  private final CallTaint calls;

  ExpressionTaint(Frame frame) {
    this.f = frame;
    this.calls = new CallTaint(frame, this);
  }

  Val eval(Expression e) {
    if (e instanceof StringLiteralExpr s) {
      return Val.of(s.asString());
    } else if (e instanceof TextBlockLiteralExpr t) {
      return Val.of(t.asString());
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
      String name = fa.getNameAsString();
      if (f.state.vars.containsKey(name) || f.file.fieldConstants.containsKey(name)) {
        return name(name);
      }
      return Val.tainted(eval(fa.getScope()).taint());
    } else if (e instanceof ArrayAccessExpr a) {
      eval(a.getIndex());
      return Val.tainted(eval(a.getName()).taint());
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
      eval(i.getExpression());
      return Val.CLEAN;
    } else if (e instanceof MethodCallExpr m) {
      return calls.call(m);
    } else if (e instanceof ObjectCreationExpr o) {
      return calls.construct(o);
    } else if (e instanceof VariableDeclarationExpr d) {
      d.getVariables().forEach(v -> define(v.getNameAsString(), v.getInitializer().orElse(null)));
      return Val.CLEAN;
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
    if (init instanceof ObjectCreationExpr o && o.getArguments().isEmpty()) {
      String type = JavaTypes.simple(o.getType());
      var propagators = f.file.catalog.propagators();
      if (propagators.lists().contains(type)) {
        f.state.lists.put(name, new ArrayList<>());
      } else if (propagators.maps().contains(type)) {
        f.state.maps.put(name, new HashMap<>());
      }
    }
  }

  private Val name(String name) {
    Val v = f.state.vars.get(name);
    if (v != null) {
      return v;
    }
    Object c = f.file.fieldConstants.get(name);
    return c == null ? Val.CLEAN : Val.of(c);
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
    int taint = op == BinaryExpr.Operator.PLUS ? l.taint() | r.taint() : 0;
    return new Val(taint, c);
  }

  private Val assign(AssignExpr a) {
    Val v = eval(a.getValue());
    Expression target = a.getTarget();
    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
      Val old = eval(target);
      var op = a.getOperator().toBinaryOperator().orElse(BinaryExpr.Operator.PLUS);
      v = new Val(op == BinaryExpr.Operator.PLUS ? old.taint() | v.taint() : 0,
          Constants.binary(op, old.constant(), v.constant()));
    }
    if (target instanceof NameExpr n) {
      if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
        bind(n.getNameAsString(), a.getValue(), v);
      } else {
        f.state.vars.put(n.getNameAsString(), v);
      }
      if (!f.locals.contains(n.getNameAsString()) && f.file.fieldNames.contains(n.getNameAsString())) {
        f.file.storeField(n.getNameAsString(), v);
      }
    } else if (target instanceof FieldAccessExpr fa) {
      f.state.set(fa.getNameAsString(), v);
      if (fa.getScope() instanceof ThisExpr && f.file.fieldNames.contains(fa.getNameAsString())) {
        f.file.storeField(fa.getNameAsString(), v);
      }
    } else if (target instanceof ArrayAccessExpr aa && root(aa.getName()) instanceof NameExpr n) {
      f.state.vars.merge(n.getNameAsString(), Val.tainted(v.taint()), Val::or);
    }
    return v;
  }

  private static Expression root(Expression e) {
    while (e instanceof ArrayAccessExpr a) {
      e = a.getName();
    }
    return e;
  }
}
