package dev.bulwark.sast.taint;

import java.util.List;

/**
 * A function, method, lambda or a file's top-level code, lowered for taint.
 *
 * @param name        simple name ("" for lambdas, "<module>" for top-level code)
 * @param owner       enclosing class or module name, or ""
 * @param decorations decorators, attributes and annotations of the function, as source text
 * @param entry       true when a framework calls it with request data in its {@link Param#source} parameters
 */
public record Function(String name, String owner, List<Param> params, List<Stmt> body, List<String> decorations,
    int line, boolean entry) {

  /**
   * @param type        declared type as source text, or ""
   * @param decorations parameter attributes or annotations as source text ({@code [FromQuery]}, {@code @Body()})
   * @param source      true when the framework fills it from the request
   */
  public record Param(String name, String type, List<String> decorations, boolean source) {}

  public Function withEntry(boolean isEntry, List<Param> newParams) {
    return new Function(name, owner, newParams, body, decorations, line, isEntry);
  }
}
