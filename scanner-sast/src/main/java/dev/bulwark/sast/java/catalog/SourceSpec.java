package dev.bulwark.sast.java.catalog;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where untrusted data of {@code kind} enters: a call of one of {@code methods} (or a method whose
 * name matches {@code methodPattern}) on an object playing {@code receiverRole} or of one of
 * {@code receiverTypes}; a static call ({@code "Type.method"}), a static field read
 * ({@code "Type.field"}) or a constructor; a parameter carrying one of {@code parameterAnnotations};
 * or, when {@code literals}, every non-empty string literal.
 */
public record SourceSpec(SourceKind kind, Role receiverRole, Set<String> receiverTypes, Set<String> methods,
    Pattern methodPattern, Set<String> statics, Set<String> fields, Set<String> constructors,
    Set<String> parameterAnnotations, boolean literals) {

  /** Whether a call named {@code method} is this source, given its receiver plays the right role or type. */
  public boolean matchesMethod(String method) {
    return methods.contains(method) || methodPattern != null && methodPattern.matcher(method).matches();
  }
}
