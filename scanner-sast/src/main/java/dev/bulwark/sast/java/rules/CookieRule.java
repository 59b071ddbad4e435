package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.bulwark.sast.java.syntax.Declarations;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.Optional;

/**
 * Servlet cookies created without {@code setSecure(true)} (CWE-614) or {@code setHttpOnly(true)}
 * (CWE-1004). The setter must be called on the same variable, by declaration, not by name: a
 * sibling branch securing another cookie variable of the same name does not count.
 */
final class CookieRule implements JavaRule {
  @Override
  public String trigger() {
    return "cookie";
  }

  @Override
  public void check(RuleContext ctx) {
    for (ObjectCreationExpr o : ctx.creations) {
      if (!JavaTypes.simple(o.getType()).equals("Cookie")) {
        continue;
      }
      Optional<VariableDeclarator> declaration = o.getParentNode().flatMap(p -> p instanceof VariableDeclarator v
          ? Optional.of(v) : p instanceof AssignExpr a && a.getTarget() instanceof NameExpr n ? Declarations.resolve(n)
          : Optional.empty());
      Node where = RuleContext.enclosing(o).map(Node.class::cast).orElse(ctx.cu);
      if (!setsTrue(where, declaration, "setSecure")) {
        ctx.report(ctx.book.rule("cookie-not-secure"), o);
      }
      if (!setsTrue(where, declaration, "setHttpOnly")) {
        ctx.report(ctx.book.rule("cookie-no-httponly"), o);
      }
    }
  }

  /** True when {@code cookie.setter(x)} is called on that declaration's variable with anything but false. */
  private static boolean setsTrue(Node where, Optional<VariableDeclarator> declaration, String setter) {
    return declaration.isPresent() && where.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals(setter) && c.getArguments().size() == 1)
        .filter(c -> c.getScope().filter(NameExpr.class::isInstance).map(NameExpr.class::cast)
            .filter(n -> n.getNameAsString().equals(declaration.get().getNameAsString()))
            .flatMap(Declarations::resolve).filter(d -> d == declaration.get()).isPresent())
        .anyMatch(c -> !(c.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue()));
  }
}
