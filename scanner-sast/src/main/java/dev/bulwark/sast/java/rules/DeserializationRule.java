package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.bulwark.sast.java.syntax.Declarations;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.Set;

/**
 * {@code ObjectInputStream.readObject} and {@code XMLDecoder.readObject} on a stream the method
 * opens itself over data of unknown origin. Not reported: a class's own custom serialisation
 * ({@code readObject}, {@code readExternal}, {@code readResolve}), a stream handed in by the caller
 * (where it is opened is where it is judged), and a stream over an in-memory byte array (the
 * deep-copy idiom; tainted bytes are the taint analysis's CWE-502 family).
 */
final class DeserializationRule implements JavaRule {
  private static final Set<String> DECODERS = Set.of("ObjectInputStream", "XMLDecoder");

  @Override
  public String trigger() {
    return "deserialization";
  }

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
    if (type == null || !DECODERS.contains(type)) {
      return false;
    }
    var opened = opening(m.getScope().get());
    return opened != null && !(opened.getArguments().size() == 1 && overBytes(opened.getArgument(0)));
  }

  /** The {@code new ObjectInputStream(...)} the receiver is, or was declared with in this method; else null. */
  private static ObjectCreationExpr opening(Expression receiver) {
    while (receiver instanceof EnclosedExpr e) {
      receiver = e.getInner();
    }
    if (receiver instanceof ObjectCreationExpr o && DECODERS.contains(JavaTypes.simple(o.getType()))) {
      return o;
    }
    if (receiver instanceof NameExpr n) {
      var declared = Declarations.resolve(n).flatMap(d -> d.getInitializer()).map(i -> opening(i)).orElse(null);
      if (declared != null) {
        return declared;
      }
      // ObjectInputStream in = null; ... in = new ObjectInputStream(stream);
      return RuleContext.enclosing(n).flatMap(c -> c.findAll(AssignExpr.class).stream()
          .filter(a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n.getNameAsString()))
          .map(a -> opening(a.getValue())).filter(o -> o != null).findFirst()).orElse(null);
    }
    return null;
  }

  private static boolean overBytes(Expression stream) {
    if (stream instanceof ObjectCreationExpr o) {
      return JavaTypes.simple(o.getType()).equals("ByteArrayInputStream");
    }
    if (stream instanceof NameExpr n) {
      return Declarations.resolve(n).flatMap(d -> d.getInitializer()).map(DeserializationRule::overBytes).orElse(false);
    }
    return false;
  }
}
