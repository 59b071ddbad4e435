package dev.bulwark.advisories.version;

/**
 * A version parsed by one ecosystem's {@link VersionOrder}. Versions of the same order compare
 * with each other; comparing versions of two different orders is a programming error and throws
 * {@link IllegalArgumentException}.
 */
public interface Version extends Comparable<Version> {
  /** The text the version was parsed from, unchanged. */
  String text();

  /** Casts {@code other} to this order's type, or explains why the two cannot be compared. */
  static <T extends Version> T same(Class<T> type, Version other) {
    if (!type.isInstance(other)) {
      throw new IllegalArgumentException("cannot compare " + type.getSimpleName() + " with "
          + other.getClass().getSimpleName() + " '" + other.text() + "'");
    }
    return type.cast(other);
  }
}
