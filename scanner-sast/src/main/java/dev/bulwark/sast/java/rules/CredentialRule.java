package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.bulwark.sast.java.types.JavaTypes;

/** A database password known at analysis time passed to {@code DriverManager.getConnection(url, user, password)}. */
final class CredentialRule implements JavaRule {
  @Override
  public void check(RuleContext ctx) {
    for (MethodCallExpr m : ctx.calls) {
      String scope = m.getScope().map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
      if (m.getNameAsString().equals("getConnection") && scope.equals("DriverManager") && m.getArguments().size() == 3
          && Constants.resolve(ctx, m.getArgument(2), m).filter(p -> !p.value().isBlank()).isPresent()) {
        ctx.report(ctx.book.rule("hard-coded-password"), m);
      }
    }
  }
}
