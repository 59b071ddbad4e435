package dev.bulwark.sast.java.syntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.Optional;

/**
 * Which local variable declaration a name refers to, by Java's scoping: the nearest enclosing
 * block (or {@code for}, {@code try} resource list) that declares it before the use. Two variables
 * of the same name in sibling branches are different variables.
 */
public final class Declarations {
  private Declarations() {}

  public static Optional<VariableDeclarator> resolve(NameExpr use) {
    String name = use.getNameAsString();
    Node child = use;
    for (Node parent = use.getParentNode().orElse(null); parent != null; child = parent,
        parent = parent.getParentNode().orElse(null)) {
      Optional<VariableDeclarator> found = Optional.empty();
      if (parent instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s == child) {
            break;
          }
          var here = declared(s, name);
          if (here.isPresent()) {
            found = here;
          }
        }
      } else if (parent instanceof ForStmt f) {
        found = f.getInitialization().stream().flatMap(e -> e.findAll(VariableDeclarator.class).stream())
            .filter(v -> v.getNameAsString().equals(name)).findFirst();
      } else if (parent instanceof ForEachStmt f) {
        found = f.getVariable().getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
      } else if (parent instanceof TryStmt t) {
        found = t.getResources().stream().flatMap(e -> e.findAll(VariableDeclarator.class).stream())
            .filter(v -> v.getNameAsString().equals(name)).findFirst();
      }
      if (found.isPresent()) {
        return found;
      }
      if (parent instanceof CallableDeclaration || parent instanceof LambdaExpr) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The declarator of {@code name} in a statement {@code Type name = ...;}, if it is one. */
  private static Optional<VariableDeclarator> declared(Statement s, String name) {
    if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr d) {
      return d.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
    }
    return Optional.empty();
  }
}
