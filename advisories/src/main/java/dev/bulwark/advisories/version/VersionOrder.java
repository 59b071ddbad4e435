package dev.bulwark.advisories.version;

/**
 * How one package ecosystem orders its versions. Implementations are stateless and
 * thread-safe; {@link VersionOrders} lists them by OSV ecosystem name.
 */
public interface VersionOrder {
  /** The OSV ecosystem name this order belongs to, e.g. "Maven", "PyPI", "npm". */
  String name();

  /**
   * Parses a version of this ecosystem.
   *
   * @throws IllegalArgumentException naming the ecosystem and the version when it cannot be parsed
   */
  Version parse(String text);

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  default int compare(String a, String b) {
    return Integer.signum(parse(a).compareTo(parse(b)));
  }

  /** Whether {@link #parse} accepts the text. */
  default boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The exception every order throws for text it cannot parse. */
  static IllegalArgumentException invalid(String ecosystem, String text, String why) {
    return new IllegalArgumentException("invalid " + ecosystem + " version '" + text + "': " + why);
  }

  /** Rejects null and blank text, the one rule every ecosystem shares. */
  static String requireText(String ecosystem, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(ecosystem, String.valueOf(text), "empty");
    }
    return text;
  }
}
