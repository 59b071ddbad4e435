package dev.bulwark.sast.java.catalog;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where untrusted data enters: a call of one of {@code methods} (or of a method whose name matches
 * {@code methodPattern}) on an object playing {@code receiver}, or a parameter carrying one of
 * {@code parameterAnnotations}.
 */
public record SourceSpec(String kind, Role receiver, Set<String> methods, Pattern methodPattern,
    Set<String> parameterAnnotations) {

  /** Whether a call of {@code method} on an object of that role is this source. */
  public boolean matchesCall(String method) {
    return methods.contains(method) || methodPattern != null && methodPattern.matcher(method).matches();
  }
}
