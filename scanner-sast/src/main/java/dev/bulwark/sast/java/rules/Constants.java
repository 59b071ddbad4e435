package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Optional;

/** The string value of an expression when it is known: literals, constants, locals, project properties. */
final class Constants {
  private static final int MAX_DEPTH = 5;

  private Constants() {}

  static Optional<Resolved> resolve(RuleContext ctx, Expression e, Node at) {
    return resolve(ctx, e, at, 0);
  }

  private static Optional<Resolved> resolve(RuleContext ctx, Expression e, Node at, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(new Resolved(s.asString(), false));
    } else if (e instanceof EnclosedExpr en) {
      return resolve(ctx, en.getInner(), at, depth + 1);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      var l = resolve(ctx, b.getLeft(), at, depth + 1);
      var r = resolve(ctx, b.getRight(), at, depth + 1);
      return l.isPresent() && r.isPresent() ? Optional.of(l.get().concat(r.get())) : Optional.empty();
    } else if (e instanceof MethodCallExpr m && m.getNameAsString().equals("getProperty") && !m.getArguments().isEmpty()) {
      var key = resolve(ctx, m.getArgument(0), at, depth + 1);
      var fromProject = key.flatMap(k -> ctx.project.property(k.value()));
      if (fromProject.isPresent() || m.getArguments().size() < 2) {
        return fromProject.map(v -> new Resolved(v, key.get().fallback()));
      }
      return resolve(ctx, m.getArgument(1), at, depth + 1).map(d -> new Resolved(d.value(), true));
    } else if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      var local = RuleContext.enclosing(at).flatMap(c -> c.findAll(VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name)).findFirst());
      if (local.isPresent()) {
        return local.get().getInitializer().flatMap(i -> resolve(ctx, i, at, depth + 1));
      }
      return Optional.ofNullable((String) ctx.fieldConstants.get(name)).map(v -> new Resolved(v, false));
    }
    return Optional.empty();
  }
}
