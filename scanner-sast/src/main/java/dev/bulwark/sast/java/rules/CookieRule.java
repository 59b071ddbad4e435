package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.Optional;

/** Servlet cookies created without {@code setSecure(true)} (CWE-614) or {@code setHttpOnly(true)} (CWE-1004). */
final class CookieRule implements JavaRule {
  @Override
  public void check(RuleContext ctx) {
    for (ObjectCreationExpr o : ctx.creations) {
      if (!JavaTypes.simple(o.getType()).equals("Cookie")) {
        continue;
      }
      Optional<String> var = o.getParentNode().flatMap(p -> p instanceof VariableDeclarator v ? Optional.of(v.getNameAsString())
          : p instanceof AssignExpr a && a.getTarget() instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty());
      Node where = RuleContext.enclosing(o).map(Node.class::cast).orElse(ctx.cu);
      if (!setsTrue(where, var, "setSecure")) {
        ctx.report(ctx.book.rule("cookie-not-secure"), o);
      }
      if (!setsTrue(where, var, "setHttpOnly")) {
        ctx.report(ctx.book.rule("cookie-no-httponly"), o);
      }
    }
  }

  /** True when {@code var.setter(x)} is called with anything but the literal false. */
  private static boolean setsTrue(Node where, Optional<String> var, String setter) {
    return var.isPresent() && where.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals(setter) && c.getArguments().size() == 1)
        .filter(c -> c.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals(var.get())).orElse(false))
        .anyMatch(c -> !(c.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue()));
  }
}
