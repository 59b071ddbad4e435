package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.Set;

/**
 * TLS checks switched off: a host name verifier that accepts every host (a lambda returning true,
 * {@code NoopHostnameVerifier}, {@code ALLOW_ALL_HOSTNAME_VERIFIER}, a {@code verify} returning
 * true) and trust managers whose {@code checkServerTrusted} is empty.
 */
final class TlsRule implements JavaRule {
  private static final String ALLOW_ALL = "ALLOW_ALL_HOSTNAME_VERIFIER";

  @Override
  public Set<String> names() {
    return Set.of(ALLOW_ALL);
  }

  @Override
  public String trigger() {
    return "tls";
  }

  @Override
  public void check(RuleContext ctx) {
    var rule = ctx.book.rule("trust-all");
    for (MethodCallExpr m : ctx.calls) {
      if (m.getNameAsString().matches("set(Default)?HostnameVerifier") && m.getArguments().size() == 1
          && m.getArgument(0) instanceof LambdaExpr l && l.getExpressionBody().filter(BooleanLiteralExpr.class::isInstance)
          .map(b -> ((BooleanLiteralExpr) b).getValue()).orElse(false)) {
        ctx.report(rule, m);
      }
    }
    for (ObjectCreationExpr o : ctx.creations) {
      if (JavaTypes.simple(o.getType()).equals("NoopHostnameVerifier")) {
        ctx.report(rule, o);
      }
    }
    for (MethodDeclaration m : ctx.methods) {
      var body = m.getBody();
      if (body.isEmpty()) {
        continue;
      }
      if (m.getNameAsString().equals("checkServerTrusted") && body.get().getStatements().isEmpty()) {
        ctx.report(rule, m.getName());
      } else if (m.getNameAsString().equals("verify") && m.getParameters().size() == 2
          && body.get().getStatements().size() == 1 && body.get().getStatement(0) instanceof ReturnStmt r
          && r.getExpression().filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent()) {
        ctx.report(rule, m.getName());
      }
    }
    for (SimpleName n : ctx.names) {
      if (n.getIdentifier().equals(ALLOW_ALL)) {
        ctx.report(rule, n);
      }
    }
  }
}
