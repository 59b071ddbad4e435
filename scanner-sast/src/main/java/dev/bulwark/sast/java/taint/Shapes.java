package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.java.syntax.Declarations;

/**
 * The shape of the argument that carries data into a sink: a constant followed by the data
 * ({@code "/var/app/" + name}: relative to a fixed folder) or the data alone (a whole path).
 */
final class Shapes {
  private Shapes() {}

  /** Whether the expression (or the local it names, by its declaration) starts with a constant. */
  static boolean prefixed(Expression e, Frame f) {
    for (int i = 0; i < 4; i++) {
      while (e instanceof EnclosedExpr en) {
        e = en.getInner();
      }
      if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
        Expression left = b.getLeft();
        while (left instanceof BinaryExpr l && l.getOperator() == BinaryExpr.Operator.PLUS) {
          left = l.getLeft();
        }
        // a literal, a constant of this file, another class's field (Utils.baseDir) or an upper-case constant
        return left instanceof StringLiteralExpr || left instanceof FieldAccessExpr
            || left instanceof NameExpr n && (f.file.fieldConstants.containsKey(n.getNameAsString())
                || n.getNameAsString().equals(n.getNameAsString().toUpperCase(java.util.Locale.ROOT)));
      }
      if (e instanceof NameExpr n) {
        var declared = Declarations.resolve(n).flatMap(d -> d.getInitializer());
        if (declared.isEmpty()) {
          return false;
        }
        e = declared.get();
      } else {
        return false;
      }
    }
    return false;
  }
}
