package dev.bulwark.sast.secrets;

import dev.bulwark.sast.secrets.SecretRule.Kind;
import dev.bulwark.sast.secrets.precision.Checksums;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The YAML shape of one secret rule (see the comment at the top of {@code rules/secrets.yaml}).
 * Exactly one of {@code token}, {@code context} and {@code regex} gives the detector.
 */
public record RuleYaml(String id, String provider, String title, String severity, List<Integer> cwe,
    List<String> keywords, String token, Boolean ignoreCase, String end, Context context, String regex,
    Integer secretGroup, Boolean generic, Double entropy, List<String> allow, String checksum, String verify,
    List<String> extensions, List<String> skipExtensions, Integer lines, String revoke, Samples samples) {

  /** {@code context:} a provider-shaped value assigned to a name mentioning one of {@code names}. */
  public record Context(List<String> names, String value, Boolean ignoreCase) {}

  /**
   * The rule's own test data: texts that must give a finding of this rule, and texts that must not.
   * {@code {{kind:N}}} stands for N random characters (see the test's sample expander).
   */
  public record Samples(String file, List<String> positive, List<String> negative) {}

  /** The rule, its regexes compiled now. */
  SecretRule toRule(String family) {
    return toRule(family, true);
  }

  /**
   * The rule; its regexes compiled now ({@code eager}: a broken one is an error here) or at first
   * use (a pack read back from the cache, whose regexes compiled when it was written).
   */
  SecretRule toRule(String family, boolean eager) {
    if (keywords == null || keywords.isEmpty()) {
      throw new IllegalArgumentException("secret rule " + id + " has no keywords");
    }
    int forms = (token != null ? 1 : 0) + (context != null ? 1 : 0) + (regex != null ? 1 : 0);
    if (forms != 1) {
      throw new IllegalArgumentException("secret rule " + id + " needs exactly one of token, context, regex");
    }
    if (checksum != null && !Checksums.known(checksum)) {
      throw new IllegalArgumentException("secret rule " + id + ": unknown checksum " + checksum);
    }
    String source;
    Kind kind;
    int group;
    int span;
    if (token != null) {
      source = RuleForms.token(token, end, Boolean.TRUE.equals(ignoreCase));
      kind = Kind.TOKEN;
      group = 1;
      span = 1;
    } else if (context != null) {
      source = RuleForms.context(context.names(), context.value(), !Boolean.FALSE.equals(context.ignoreCase()));
      kind = Kind.CONTEXT;
      group = 1;
      span = 2; // YAML block scalars and XML elements put the value on the next line
    } else {
      source = RuleForms.expand(regex);
      kind = Boolean.TRUE.equals(generic) ? Kind.GENERIC : Kind.TOKEN;
      group = secretGroup == null ? -1 : secretGroup;
      span = regex.contains("{{assign}}") || regex.contains("{{set}}") ? 2 : 1;
    }
    if (Boolean.TRUE.equals(generic)) {
      kind = Kind.GENERIC;
    }
    RulePattern pattern = RuleForms.compile(id, source, eager);
    return new SecretRule(id, provider == null ? "" : provider, family, kind, title,
        Severity.valueOf(severity == null ? "HIGH" : severity.toUpperCase(Locale.ROOT)),
        cwe == null ? List.of(798) : cwe,
        keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(), pattern, group,
        entropy == null ? 0 : entropy,
        allow == null ? List.of() : allow.stream().map(a -> RuleForms.compile(id, a, eager)).toList(),
        checksum == null ? "" : checksum, verify == null ? "" : verify,
        extensions == null ? List.of() : extensions, skipExtensions == null ? List.of() : skipExtensions,
        lines == null ? span : lines, revoke == null ? "" : revoke);
  }
}
