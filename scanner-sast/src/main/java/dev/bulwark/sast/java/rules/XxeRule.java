package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.java.types.JavaTypes;

/**
 * XML parser factories (DOM, SAX, StAX, XSLT, schema) created in a method that never hardens them:
 * no string or name there mentions a hardening feature (disallow-doctype-decl, ACCESS_EXTERNAL_DTD,
 * ...) and no {@code setExpandEntityReferences(false)} is called.
 */
final class XxeRule implements JavaRule {
  @Override
  public String trigger() {
    return "xxe";
  }

  @Override
  public void check(RuleContext ctx) {
    var xxe = ctx.book.xxe;
    for (MethodCallExpr m : ctx.calls) {
      String scope = m.getScope().map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
      if (xxe.factoryMethods().contains(m.getNameAsString()) && xxe.factories().contains(scope)) {
        Node where = RuleContext.enclosing(m).map(Node.class::cast).orElse(ctx.cu);
        if (!hardened(ctx, where)) {
          ctx.report(ctx.book.rule("xxe"), m);
        }
      }
    }
  }

  private static boolean hardened(RuleContext ctx, Node where) {
    var words = ctx.book.xxe.hardening();
    return where.findFirst(StringLiteralExpr.class, s -> words.stream().anyMatch(s.getValue()::contains)).isPresent()
        || where.findFirst(SimpleName.class, s -> words.stream().anyMatch(s.getIdentifier()::contains)).isPresent()
        || where.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("setExpandEntityReferences")
            && c.getArguments().size() == 1 && c.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue())
            .isPresent();
  }
}
