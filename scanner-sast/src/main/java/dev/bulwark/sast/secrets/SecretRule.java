package dev.bulwark.sast.secrets;

import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One secret detector of the YAML pack.
 *
 * @param keywords    lower-case strings one of which must occur near a match (the prefilter)
 * @param regex       the detector; {@code secretGroup} is the secret itself
 * @param entropy     minimum Shannon entropy of the secret (0 = no threshold)
 * @param allow       further patterns that, when found in the secret, make it a non-finding
 * @param extensions  file extensions or names the rule is limited to (empty = all files)
 * @param lines       how many lines a match may span (1 for single-line rules)
 */
public record SecretRule(String id, String title, Severity severity, List<Integer> cwe, List<String> keywords,
    Pattern regex, int secretGroup, double entropy, List<Pattern> allow, List<String> extensions, int lines) {

  /** True when the rule applies to a file with this path. */
  public boolean appliesTo(String path) {
    if (extensions.isEmpty()) {
      return true;
    }
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    for (String e : extensions) {
      if (name.equals(e) || name.endsWith("." + e) || name.startsWith(e + ".")) {
        return true;
      }
    }
    return false;
  }

  /** True when the captured value passes the entropy threshold and no allow-list entry. */
  public boolean accepts(String secret) {
    if (Placeholders.isPlaceholder(secret) || Entropy.shannon(secret) < entropy) {
      return false;
    }
    return allow.stream().noneMatch(p -> p.matcher(secret).find());
  }
}
