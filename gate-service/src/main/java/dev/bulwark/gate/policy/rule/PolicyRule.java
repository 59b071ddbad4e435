package dev.bulwark.gate.core;

import dev.bulwark.v1.FindingStatus;
import java.util.List;
import java.util.Optional;

/**
 * One rule of a policy. A rule looks at the whole scan and says, at most once, why it denies
 * (or warns about) it; a per-finding rule lists the findings that made it fire.
 */
public sealed interface PolicyRule permits PolicyRule.SeverityRule, PolicyRule.SecretRule, CelRule {
  /** Shown at the start of the reason line. */
  String name();

  /** The rule's verdict on the scan, when it fires. */
  Optional<Hit> check(ScanFacts facts);

  /**
   * A rule that fired.
   *
   * @param deny   true fails the gate; false is only a warning
   * @param reason one line for the decision
   */
  record Hit(boolean deny, String reason) {}

  /** How many findings a reason line names before "(+N more)". */
  int LISTED = 5;

  /** "N findings ...: a, b, c (+2 more)". */
  static String summarise(String what, List<AssessedFinding> hits) {
    var sorted = hits.stream().sorted((a, b) -> Integer.compare(b.risk().score(), a.risk().score())).toList();
    var shown = sorted.stream().limit(LISTED).map(AssessedFinding::label).toList();
    return hits.size() + (hits.size() == 1 ? " finding " : " findings ") + what + ": " + String.join("; ", shown)
        + (hits.size() > LISTED ? " (+" + (hits.size() - LISTED) + " more)" : "");
  }

  /** The built-in severity rule (see {@link Thresholds}). */
  record SeverityRule(Thresholds thresholds) implements PolicyRule {
    public String name() {
      return "severity";
    }

    public Optional<Hit> check(ScanFacts facts) {
      var hits = facts.findings().stream().filter(thresholds::denies).toList();
      return hits.isEmpty() ? Optional.empty()
          : Optional.of(new Hit(true, "DENY severity: " + summarise(thresholds.describe(), hits)));
    }
  }

  /**
   * The built-in secret rule: any unsuppressed committed secret fails the gate, new or
   * existing, whatever its severity. A secret is a rule id starting with {@code secret.} or a
   * CWE-798 (hard-coded credentials) finding from the sast scanner.
   */
  record SecretRule() implements PolicyRule {
    public String name() {
      return "secrets";
    }

    public static boolean isSecret(dev.bulwark.v1.Finding f) {
      return f.getRuleId().startsWith("secret.") || ("sast".equals(f.getScanner()) && f.getCweList().contains(798));
    }

    public Optional<Hit> check(ScanFacts facts) {
      var hits = facts.findings().stream()
          .filter(f -> f.status() != FindingStatus.SUPPRESSED && isSecret(f.finding())).toList();
      return hits.isEmpty() ? Optional.empty()
          : Optional.of(new Hit(true, "DENY secrets: " + summarise("are committed secrets", hits)));
    }
  }
}
