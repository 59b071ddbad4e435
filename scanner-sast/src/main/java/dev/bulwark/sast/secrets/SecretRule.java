package dev.bulwark.sast.secrets;

import dev.bulwark.sast.secrets.precision.Checksums;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;

/**
 * One detector of the secrets rule pack (one entry of a {@code rules/secrets/*.yaml} family file).
 *
 * @param id          stable rule id, {@code secret.<provider>-<kind>}
 * @param provider    who issues the credential ("GitHub"), for the generated providers list
 * @param family      the family file's title ("Source code hosting")
 * @param kind        how the rule recognises a secret: its own format, a keyword context, or generic
 * @param keywords    lower-case strings one of which must occur on the match's first line (the prefilter)
 * @param regex       the detector; {@code secretGroup} is the secret itself
 * @param entropy     minimum Shannon entropy of the secret in bits per character (0 = none)
 * @param allow       patterns that, found in the secret, make the match a non-finding
 * @param checksum    the provider's checksum or structure ({@link Checksums}), empty when it has none
 * @param verifier    the liveness probe for this credential (see {@code verify/}), empty when none
 * @param extensions  file extensions or names the rule is limited to (empty = all files)
 * @param skipExtensions file extensions or names the rule does not read
 * @param lines       how many lines a match may span (1 for single-line rules)
 * @param revoke      where and how the credential is revoked, for the remediation text
 */
public record SecretRule(String id, String provider, String family, Kind kind, String title, Severity severity,
    List<Integer> cwe, List<String> keywords, RulePattern regex, int secretGroup, double entropy, List<RulePattern> allow,
    String checksum, String verifier, List<String> extensions, List<String> skipExtensions, int lines,
    String revoke) {

  /** How a rule recognises a secret; decides precedence and how far precision judgements go. */
  public enum Kind {
    /** The secret carries the provider's own prefix or structure ({@code ghp_...}). */
    TOKEN,
    /** A provider-shaped value assigned to a name that mentions the provider ({@code twilio_token = ...}). */
    CONTEXT,
    /** A high-entropy value assigned to a secret-sounding name: no provider, only judgement. */
    GENERIC;

    /** Lower is more specific: when two rules report the same secret, the more specific one speaks. */
    public int precedence() {
      return ordinal();
    }
  }

  /** True for the rules that only judge a value by its name and shape ({@link Kind#GENERIC}). */
  public boolean generic() {
    return kind == Kind.GENERIC;
  }

  /** True when the rule applies to a file with this path. */
  public boolean appliesTo(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (skipExtensions.stream().anyMatch(e -> named(name, e))) {
      return false;
    }
    return extensions.isEmpty() || extensions.stream().anyMatch(e -> named(name, e));
  }

  private static boolean named(String name, String e) {
    return name.equals(e) || name.endsWith("." + e) || name.startsWith(e + ".");
  }

  /** The rule's own allow-list: true when one of its patterns occurs in the secret. */
  public boolean allowed(String secret) {
    return allow.stream().anyMatch(p -> p.matcher(secret).find());
  }

  /** The remediation line of every finding of this rule. */
  public String remediation() {
    String where = revoke.isBlank() ? "with " + provider : revoke;
    return "Revoke and rotate the credential (" + where + "), then load the new one from a secret store or the"
        + " environment: removing it from the file does not remove it from the git history.";
  }
}
