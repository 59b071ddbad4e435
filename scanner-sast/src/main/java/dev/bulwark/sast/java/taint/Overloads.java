package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.List;
import java.util.Set;

/**
 * Choosing among a file's overloads of the same name and arity without a classpath. An overload
 * is left out when an argument's type is known and the parameter is of a type nothing else can
 * be (a final JDK type or a primitive) that differs: {@code read(new BufferedInputStream(s))}
 * does not call {@code read(URL)} nor {@code read(File)} (on the JDK's sources, following those
 * made a stream read from a URL "reach" {@code url.openStream()} and {@code new FileInputStream(file)}).
 */
final class Overloads {
  /** Types with no subtypes (or none that code passes around): a different known type cannot be one. */
  private static final Set<String> EXACT = Set.of("String", "URL", "URI", "File", "int", "long", "boolean", "char",
      "byte", "short", "float", "double", "Integer", "Long", "Boolean", "Character", "Byte", "Short", "Float",
      "Double");

  private Overloads() {}

  /** The overloads the arguments may call; all of them when none or only one is left out. */
  static List<MethodDeclaration> compatible(List<MethodDeclaration> targets, List<Expression> args, JavaTypes types) {
    if (targets.size() < 2) {
      return targets;
    }
    var kept = targets.stream().filter(t -> accepts(t, args, types)).toList();
    return kept.isEmpty() ? targets : kept;
  }

  private static boolean accepts(MethodDeclaration target, List<Expression> args, JavaTypes types) {
    for (int i = 0; i < args.size() && i < target.getParameters().size(); i++) {
      var param = target.getParameter(i);
      String p = JavaTypes.simple(param.getType());
      if (param.isVarArgs() || !EXACT.contains(p)) {
        continue;
      }
      String a = types.typeOf(args.get(i));
      if (a != null && !a.equals(p)) {
        return false;
      }
    }
    return true;
  }
}
