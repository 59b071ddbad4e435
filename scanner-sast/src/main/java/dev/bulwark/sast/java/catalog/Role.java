package dev.bulwark.sast.java.catalog;

import java.util.Set;

/**
 * How an object is recognised without a classpath: by its simple type name, a suffix of it, or,
 * when the type is unknown, by the expression's text (a variable's name).
 */
public record Role(Set<String> types, Set<String> suffixes, Set<String> names) {

  /** Whether an expression of this simple type (null when unknown) and text plays the role. */
  public boolean matches(String type, String text) {
    if (type != null) {
      return types.contains(type) || suffixes.stream().anyMatch(type::endsWith);
    }
    return names.contains(text);
  }
}
