package dev.bulwark.sast.taint;

import java.util.List;
import java.util.Map;

/**
 * One file, lowered (with its text, for rules that look at it): its top-level code, its named functions and methods, and what it imports.
 *
 * @param imports  local name → what it stands for: a module ({@code child_process}), a member of
 *                 one ({@code child_process.exec}), or a project file ({@code ./db.js#query})
 * @param includes project files this one pulls in wholesale (PHP include, Ruby require_relative)
 */
public record Module(String path, String text, Function top, List<Function> functions, Map<String, String> imports,
    List<String> includes) {

  /** The functions with this simple name (a method is found by its name alone). */
  public List<Function> named(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).toList();
  }
}
