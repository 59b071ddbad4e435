package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code if} condition that checks a variable against an allow-list: {@code ALLOWED.contains(v)},
 * {@code v.matches("[a-z]+")}, {@code "fixed".equals(v)}, {@code PATTERN.matcher(v).matches()}.
 * Where the check holds ({@code positive}: the then branch; negated: the else branch and, when
 * the then branch returns, the code after the {@code if}) the variable is clean.
 */
record AllowListGuard(String variable, boolean positive) {
  private static final Set<String> MEMBERSHIP = Set.of("contains", "containsKey", "containsValue");

  static Optional<AllowListGuard> of(Expression condition) {
    boolean positive = true;
    Expression e = condition;
    while (true) {
      if (e instanceof EnclosedExpr en) {
        e = en.getInner();
      } else if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
        positive = !positive;
        e = u.getExpression();
      } else {
        break;
      }
    }
    if (!(e instanceof MethodCallExpr m) || m.getArguments().size() > 1) {
      return Optional.empty();
    }
    String name = m.getNameAsString();
    Expression arg = m.getArguments().isEmpty() ? null : m.getArgument(0);
    Optional<Expression> scope = m.getScope();
    String checked = null;
    if (MEMBERSHIP.contains(name) && arg instanceof NameExpr n) {
      checked = n.getNameAsString();
    } else if (name.equals("matches") && arg instanceof LiteralExpr && scope.orElse(null) instanceof NameExpr n) {
      checked = n.getNameAsString();
    } else if ((name.equals("equals") || name.equals("equalsIgnoreCase")) && scope.orElse(null) instanceof LiteralExpr
        && arg instanceof NameExpr n) {
      checked = n.getNameAsString();
    }
    if (checked == null && name.equals("matches") && scope.orElse(null) instanceof MethodCallExpr matcher
        && matcher.getNameAsString().equals("matcher") && matcher.getArguments().size() == 1
        && matcher.getArgument(0) instanceof NameExpr n) {
      checked = n.getNameAsString();
    }
    return checked == null ? Optional.empty() : Optional.of(new AllowListGuard(checked, positive));
  }
}
