package dev.bulwark.sast.java.rules;

import java.util.Set;

/** One family of Java rules that need no data flow (weak crypto, cookies, XXE, ...). */
interface JavaRule {
  /** Reports this family's findings in the file through {@link RuleContext#report}. */
  void check(RuleContext ctx);

  /** The key of this family's trigger in {@code rules.yaml}: files whose text does not match it are skipped. */
  String trigger();

  /** Simple names (identifiers) this family wants collected while the file is walked. */
  default Set<String> names() {
    return Set.of();
  }
}
