package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code if} condition that validates a variable, so that where the check holds the variable is
 * clean for some families:
 * <ul>
 * <li>an allow-list: {@code ALLOWED.contains(v)}, {@code v.matches("[a-z]+")}, {@code "a".equals(v)},
 *     {@code PATTERN.matcher(v).matches()}, {@code "a".equals(v) || "b".equals(v)} (effect
 *     {@code allow-list}: in the then branch, or, negated, in the else branch and after an
 *     {@code if} whose then branch returns);</li>
 * <li>a look at the host or scheme of a URI or URL parsed from {@code v} ({@code uri.getHost()},
 *     effect {@code url-checked}: in both branches, since the failing one leaves).</li>
 * </ul>
 */
record Guard(String variable, Branch branch, String effect) {
  enum Branch { THEN, ELSE, BOTH }

  private static final Set<String> MEMBERSHIP = Set.of("contains", "containsKey", "containsValue");
  private static final Set<String> URL_PARTS = Set.of("getHost", "getScheme", "getAuthority", "isAbsolute", "getProtocol");

  static List<Guard> of(Expression condition, State state) {
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
    var guards = new ArrayList<Guard>();
    Branch clean = positive ? Branch.THEN : Branch.ELSE;
    allowListed(e).ifPresent(v -> guards.add(new Guard(v, clean, "allow-list")));
    if (guards.isEmpty() && e instanceof BinaryExpr b
        && (positive && b.getOperator() == BinaryExpr.Operator.OR || !positive && b.getOperator() == BinaryExpr.Operator.AND)) {
      // "a".equals(v) || "b".equals(v): every alternative checks the same variable.
      var left = allowListed(strip(b.getLeft()));
      var right = allowListed(strip(b.getRight()));
      if (left.isPresent() && left.equals(right)) {
        guards.add(new Guard(left.get(), clean, "allow-list"));
      }
    }
    e.findAll(MethodCallExpr.class, c -> URL_PARTS.contains(c.getNameAsString()) && c.getScope().isPresent()
        && c.getScope().get() instanceof NameExpr).forEach(c -> {
          String parsed = ((NameExpr) c.getScope().get()).getNameAsString();
          String from = state.parsedFrom.get(parsed);
          if (from != null) {
            guards.add(new Guard(from, Branch.BOTH, "url-checked"));
          }
        });
    return guards;
  }

  private static Expression strip(Expression e) {
    return e instanceof EnclosedExpr en ? strip(en.getInner()) : e;
  }

  /** The variable a single call checks against fixed values, if it is one. */
  private static Optional<String> allowListed(Expression e) {
    if (!(e instanceof MethodCallExpr m) || m.getArguments().size() > 1) {
      return Optional.empty();
    }
    String name = m.getNameAsString();
    Expression arg = m.getArguments().isEmpty() ? null : m.getArgument(0);
    var scope = m.getScope().orElse(null);
    if (MEMBERSHIP.contains(name) && arg instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    } else if (name.equals("matches") && arg instanceof LiteralExpr && scope instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    } else if ((name.equals("equals") || name.equals("equalsIgnoreCase")) && scope instanceof LiteralExpr
        && arg instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    } else if (name.equals("matches") && scope instanceof MethodCallExpr matcher
        && matcher.getNameAsString().equals("matcher") && matcher.getArguments().size() == 1
        && matcher.getArgument(0) instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    return Optional.empty();
  }

  /** Applies the guard to the state of the branch it protects. */
  void apply(State state, Branch taken, FileTaint file) {
    if (branch == Branch.BOTH || branch == taken) {
      state.vars.computeIfPresent(variable, (k, v) -> v.sanitiseKeepingConstant(file.catalog.effect(effect)));
    }
  }
}
