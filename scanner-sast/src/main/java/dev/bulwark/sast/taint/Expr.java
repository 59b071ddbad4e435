package dev.bulwark.sast.taint;

import java.util.List;

/**
 * An expression of any language, lowered to the few shapes taint cares about. What a language
 * has beyond these (operators, conditionals, casts) becomes a {@link Compose} of its parts.
 */
public sealed interface Expr {
  int line();

  /** A variable, parameter, global or constant name ({@code x}, {@code $x}, {@code @x}, {@code params}). */
  record Name(String name, int line) implements Expr {}

  /** {@code target.name}, {@code target->name}, {@code target::name}. */
  record Member(Expr target, String name, int line) implements Expr {}

  /** {@code target[key]}; a literal key reads like a member ({@code $_GET['id']}, {@code params[:id]}). */
  record Index(Expr target, Expr key, int line) implements Expr {}

  /**
   * A call or object creation. {@code callee} is a {@link Name} (function), a {@link Member}
   * (method, with its receiver as target) or any other expression.
   *
   * @param argsText the source text of the argument list (for rules that look at its shape)
   */
  record Call(Expr callee, List<Arg> args, String argsText, int line) implements Expr {}

  /** A constant: string without interpolation, number, boolean, null, symbol. */
  record Literal(String value, int line) implements Expr {}

  /**
   * A value built from parts: string concatenation, interpolation and formatting when
   * {@code string} is true; any other operator, conditional or collection otherwise.
   */
  record Compose(List<Expr> parts, boolean string, int line) implements Expr {}

  /** An object, map, hash, dictionary or struct literal. */
  record Entries(List<Entry> entries, int line) implements Expr {}

  /** An anonymous function or lambda (a callback runs with the enclosing variables in scope). */
  record Lambda(Function function, int line) implements Expr {}

  /** A call argument; {@code keyword} is null for a positional one. */
  record Arg(String keyword, Expr value) {}

  /** One key of an {@link Entries}; {@code key} is null when it is not a constant. */
  record Entry(String key, Expr value) {}
}
