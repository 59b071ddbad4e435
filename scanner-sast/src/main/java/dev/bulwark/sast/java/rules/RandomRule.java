package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.Statement;
import dev.bulwark.sast.java.types.JavaTypes;
import dev.bulwark.v1.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * Predictable random numbers ({@code java.util.Random}, {@code ThreadLocalRandom},
 * {@code Math.random}): HIGH confidence when the statement's names or strings say the value guards
 * something (a token, a key, a session id), MEDIUM anywhere in web or security code.
 */
final class RandomRule implements JavaRule {
  @Override
  public String trigger() {
    return "random";
  }

  @Override
  public void check(RuleContext ctx) {
    Boolean webOrSecurity = null;
    for (MethodCallExpr m : ctx.calls) {
      String name = m.getNameAsString();
      String scope = m.getScope().map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
      boolean weak = ctx.book.random.methods().contains(name) && m.getScope().isPresent()
          && isWeakRandom(ctx, m.getScope().get(), m) || name.equals("random") && scope.equals("Math");
      if (!weak) {
        continue;
      }
      if (sensitive(ctx, statementOf(m))) {
        ctx.report(RuleBook.withConfidence(ctx.book.rule("weak-random"), Confidence.CONFIDENCE_HIGH), m);
        continue;
      }
      if (webOrSecurity == null) {
        webOrSecurity = webOrSecurityCode(ctx);
      }
      if (webOrSecurity) {
        ctx.report(ctx.book.rule("weak-random"), m);
      }
    }
  }

  private static boolean isWeakRandom(RuleContext ctx, Expression scope, Node at) {
    String type = ctx.typesAt(at).typeOf(scope);
    var types = ctx.book.random.types();
    if (type == null || !types.contains(type)) {
      return false;
    }
    // A parameter declared as Random: what the file's callers really pass decides.
    return callerArgumentTypes(ctx, scope, at).map(ts -> ts.stream().anyMatch(t -> t == null || types.contains(t)))
        .orElse(true);
  }

  /**
   * When {@code scope} names a parameter of the enclosing method, the types of the arguments every
   * call of that method in this file passes for it (null where unknown); empty when it is not a
   * parameter or the method is not called in this file.
   */
  private static Optional<List<String>> callerArgumentTypes(RuleContext ctx, Expression scope, Node at) {
    if (!(scope instanceof NameExpr n)) {
      return Optional.empty();
    }
    var method = at.findAncestor(MethodDeclaration.class);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    var params = method.get().getParameters();
    int index = -1;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getNameAsString().equals(n.getNameAsString())) {
        index = i;
      }
    }
    if (index < 0) {
      return Optional.empty();
    }
    int position = index;
    var calls = ctx.calls.stream()
        .filter(c -> c.getNameAsString().equals(method.get().getNameAsString()) && c.getArguments().size() == params.size())
        .filter(c -> c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)
        .toList();
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(calls.stream().map(c -> ctx.typesAt(c).typeOf(c.getArgument(position))).toList());
  }

  private static Node statementOf(Node n) {
    Node stmt = n;
    while (stmt.getParentNode().isPresent() && !(stmt instanceof Statement)) {
      stmt = stmt.getParentNode().get();
    }
    return stmt;
  }

  /** Whether a name or string of the statement says the value guards something. */
  private static boolean sensitive(RuleContext ctx, Node stmt) {
    var words = ctx.book.random.securityWords();
    return stmt.findFirst(SimpleName.class, s -> words.matcher(s.getIdentifier()).find()).isPresent()
        || stmt.findFirst(StringLiteralExpr.class, s -> words.matcher(s.getValue()).find()).isPresent();
  }

  private static boolean webOrSecurityCode(RuleContext ctx) {
    var imports = ctx.book.random.securityImports();
    return ctx.cu.getImports().stream().map(i -> i.getNameAsString()).anyMatch(n -> imports.stream().anyMatch(n::contains))
        || ctx.cu.findFirst(SimpleName.class, s -> s.getIdentifier().contains("HttpServletRequest")).isPresent();
  }
}
