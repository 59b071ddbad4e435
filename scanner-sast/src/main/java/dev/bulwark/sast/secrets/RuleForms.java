package dev.bulwark.sast.secrets;

import java.util.List;

/**
 * The shapes a rule's YAML may give instead of a whole regex, so that two hundred rules do not
 * repeat the same assignment syntax two hundred times:
 *
 * <ul>
 *   <li>{@code token: 'ghp_[A-Za-z0-9]{36}'} — a self-identifying token, found wherever it stands;
 *       it must not be glued to further token characters on either side.</li>
 *   <li>{@code context: {names: [twilio], value: '[a-f0-9]{32}'}} — a value that only means something
 *       when it is assigned to a name mentioning the provider, in any of the syntaxes below.</li>
 *   <li>{@code regex:} — anything else; it may use {@code {{assign}}}, {@code {{set}}} (an assignment
 *       or a command-line option) and {@code {{end}}}.</li>
 * </ul>
 *
 * <p>{@code {{assign}}} covers what stands between a name and its value in configuration and code:
 * quotes around the name (also JSON-escaped), {@code = := ::= ?= += .= => : > ( , ||}, then quotes,
 * backticks, whitespace or a YAML block indicator, possibly a line break (YAML {@code |}/{@code >}
 * blocks, an XML element's text on its own line). {@code {{end}}} is where a value stops.
 */
public final class RuleForms {
  public static final String ASSIGN =
      "(?:\\\\*[\"']{1,3})?[ \\t]{0,5}(?:[<>?+.!]?=|:{1,3}=|=>|>|:|\\(|,|\\|\\|?)(?:\\\\*[\"']|[`\\s=|>]){0,8}?";
  public static final String END = "(?=[\"'`\\s;\\\\<,)\\]}]|$)";
  /** Characters a name may carry between the provider's word and the assignment ("_api_token", "Key string "). */
  static final String NAME_TAIL = "[\\w \\t.-]{0,30}?";
  /** {@link #ASSIGN}, or a command-line option's value after a space ({@code --heroku-token VALUE}). */
  public static final String SET = "(?:" + ASSIGN + "|(?<=[\\w-])[ \\t]+)";
  private static final String TOKEN_START = "(?<![A-Za-z0-9_])";
  private static final String TOKEN_END = "(?![A-Za-z0-9_-])";

  private RuleForms() {}

  /** The regex of a {@code token:} rule; group 1 is the token. */
  public static String token(String token, String end, boolean ignoreCase) {
    return TOKEN_START + "(" + (ignoreCase ? "(?i:" + token + ")" : token) + ")" + (end == null ? TOKEN_END : end);
  }

  /**
   * The regex of a {@code context:} rule; group 1 is the value. Names are matched case-insensitively.
   * Besides {@link #ASSIGN}, a command-line option counts ({@code --heroku-token VALUE}): the value's
   * own format is narrow enough there.
   */
  public static String context(List<String> names, String value, boolean ignoreCase) {
    return "(?i:" + String.join("|", names) + ")" + NAME_TAIL + SET
        + "(" + (ignoreCase ? "(?i:" + value + ")" : value) + ")" + END;
  }

  /** A {@code regex:} with its macros expanded. */
  public static String expand(String regex) {
    return regex.replace("{{assign}}", ASSIGN).replace("{{set}}", SET).replace("{{end}}", END);
  }

  /** Compiled now ({@code eager}) or at first use, naming the rule when the pattern is broken. */
  static RulePattern compile(String id, String regex, boolean eager) {
    return eager ? RulePattern.compiled(id, regex) : RulePattern.lazy(id, regex);
  }
}
