package dev.bulwark.sast.secrets.bench;

import dev.bulwark.sast.secrets.SecretRulePack;

/**
 * Prints every built-in secret rule's expanded regex, one per line, for ripgrep's PCRE2 engine
 * (bench/sast/run.sh uses them as the baseline with the same patterns).
 */
public final class SecretPatterns {
  private SecretPatterns() {}

  public static void main(String[] args) {
    for (var rule : SecretRulePack.builtIn().rules()) {
      // ripgrep joins the patterns into one alternation: group names would clash there.
      System.out.println(rule.regex().pattern().replace("(?<name>", "(?:").replace("\n", "\\n"));
    }
  }
}
