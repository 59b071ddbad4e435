package dev.bulwark.sast.secrets;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule's regex, compiled when it is first used: a check of a few files reaches the regexes of the
 * few rules whose keywords occur in them, not all 300. A pack read from YAML compiles every regex
 * at once ({@link #compiled()}), so a broken one is an error naming its rule when the pack loads;
 * a pack read back from the cache ({@link RulePackCache}) holds regexes that compiled before.
 */
public final class RulePattern {
  private final String rule;
  private final String source;
  private volatile Pattern pattern;

  private RulePattern(String rule, String source) {
    this.rule = rule;
    this.source = source;
  }

  /** Compiled later, at first use. */
  static RulePattern lazy(String rule, String source) {
    return new RulePattern(rule, source);
  }

  /** Compiled now. @throws IllegalArgumentException naming the rule when the regex is broken */
  static RulePattern compiled(String rule, String source) {
    var p = new RulePattern(rule, source);
    p.compiled();
    return p;
  }

  /** The regex's source, as {@link Pattern#pattern()}. */
  public String pattern() {
    return source;
  }

  public Matcher matcher(CharSequence text) {
    return compiled().matcher(text);
  }

  /** @throws IllegalArgumentException naming the rule when the regex is broken */
  public Pattern compiled() {
    Pattern p = pattern;
    if (p == null) {
      try {
        p = Pattern.compile(source);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("secret rule " + rule + ": bad regex: " + e.getMessage(), e);
      }
      pattern = p; // a race compiles twice, to equal patterns
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RulePattern other && other.source.equals(source) && other.rule.equals(rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, source);
  }

  @Override
  public String toString() {
    return source;
  }
}
