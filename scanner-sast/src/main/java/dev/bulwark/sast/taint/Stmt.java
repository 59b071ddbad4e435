package dev.bulwark.sast.taint;

/**
 * A statement of a function body, in source order. {@code conditional} is true inside a branch,
 * loop or handler, where an assignment may not happen and so cannot erase earlier taint.
 */
public sealed interface Stmt {
  int line();

  /** {@code target = value}; the target is a {@link Expr.Name}, {@link Expr.Member} or {@link Expr.Index}. */
  record Assign(Expr target, Expr value, boolean conditional, int line) implements Stmt {}

  /** An expression evaluated for its effects (a call). */
  record Run(Expr expr, boolean conditional, int line) implements Stmt {}

  record Return(Expr value, boolean conditional, int line) implements Stmt {}
}
