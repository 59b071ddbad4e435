package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * {@code ObjectInputStream.readObject} and {@code XMLDecoder.readObject}, outside a class's own
 * custom serialisation methods ({@code readObject}, {@code readExternal}, {@code readResolve}).
 */
final class DeserializationRule implements JavaRule {
  @Override
  public void check(RuleContext ctx) {
    for (MethodCallExpr m : ctx.calls) {
      String name = m.getNameAsString();
      if ((name.equals("readObject") || name.equals("readUnshared")) && m.getScope().isPresent() && deserialises(ctx, m)) {
        ctx.report(ctx.book.rule("deserialization"), m);
      }
    }
  }

  private static boolean deserialises(RuleContext ctx, MethodCallExpr m) {
    if (RuleContext.enclosing(m).filter(c -> c.getNameAsString().matches("readObject|readExternal|readResolve")).isPresent()) {
      return false;
    }
    String type = ctx.typesAt(m).typeOf(m.getScope().get());
    return "ObjectInputStream".equals(type) || "XMLDecoder".equals(type);
  }
}
