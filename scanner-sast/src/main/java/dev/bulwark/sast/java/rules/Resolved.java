package dev.bulwark.sast.java.rules;

/**
 * A string whose value is known at analysis time. {@code fallback} is true when it is the
 * default of a {@code getProperty(key, default)} whose key the project's properties lack (the
 * deployed configuration decides the real value).
 */
record Resolved(String value, boolean fallback) {
  Resolved concat(Resolved other) {
    return new Resolved(value + other.value, fallback || other.fallback);
  }
}
