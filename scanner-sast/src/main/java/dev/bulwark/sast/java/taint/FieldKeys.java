package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * How a field of another object or class is named in the analysis state: {@code "scope.field"}
 * with the scope's last name segment, so that {@code Other.data} (a static of another class) and
 * {@code holder.value} (a field of a local object) are variables of their own.
 */
final class FieldKeys {
  private FieldKeys() {}

  static String of(FieldAccessExpr fa) {
    var scope = fa.getScope();
    String s = scope instanceof NameExpr n ? n.getNameAsString() : scope.toString();
    return s.substring(s.lastIndexOf('.') + 1) + "." + fa.getNameAsString();
  }

  /** Whether a state variable names another class's static field or an object's field. */
  static boolean isField(String key) {
    return key.indexOf('.') > 0;
  }
}
