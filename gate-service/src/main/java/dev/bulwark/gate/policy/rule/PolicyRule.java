package dev.bulwark.gate.policy.rule;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.assessment.ScanFacts;
import dev.bulwark.gate.policy.file.RuleSpec;
import dev.bulwark.gate.policy.file.Thresholds;
import dev.bulwark.v1.FindingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule of a policy. A rule looks at the whole scan and says, at most once, why it denies
 * (or warns about) it; a per-finding rule lists the findings that made it fire. The set is
 * closed: the built-in severity and secret rules, and rules written in CEL.
 */
public sealed interface PolicyRule {
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
   * The built-in secret rule: any unsuppressed committed secret ({@link AssessedFinding#isSecret})
   * fails the gate, new or existing, whatever its severity. Secrets of LOW confidence are only a
   * warning: scanner-sast gives that confidence to generic matches (a random-looking value under a
   * secret-sounding name, no provider format) in test, fixture and example files, which are mostly
   * made-up values. Provider-format matches there stay MEDIUM and still fail.
   */
  record SecretRule() implements PolicyRule {
    public String name() {
      return "secrets";
    }

    static boolean lowConfidence(dev.bulwark.v1.Finding f) {
      return f.getConfidence() == dev.bulwark.v1.Confidence.CONFIDENCE_LOW;
    }

    public Optional<Hit> check(ScanFacts facts) {
      var open = facts.findings().stream()
          .filter(f -> f.status() != FindingStatus.SUPPRESSED && AssessedFinding.isSecret(f.finding())).toList();
      var hits = open.stream().filter(f -> !lowConfidence(f.finding())).toList();
      var low = open.stream().filter(f -> lowConfidence(f.finding())).toList();
      String lowNote = low.isEmpty() ? "" : " (" + low.size() + " low-confidence match"
          + (low.size() == 1 ? "" : "es") + " in test, fixture or example files not denied)";
      if (!hits.isEmpty()) {
        return Optional.of(new Hit(true, "DENY secrets: " + summarise("are committed secrets", hits) + lowNote));
      }
      return low.isEmpty() ? Optional.empty() : Optional.of(new Hit(false, "WARN secrets: "
          + summarise("are low-confidence generic secret matches in test, fixture or example files, not denied", low)));
    }
  }

  /**
   * A rule written in CEL. A per-finding rule ({@code on: finding}) is evaluated once for each
   * unsuppressed finding, with variables {@code finding}, {@code scan} and {@code lists}; it fires
   * when the expression is true for at least one. A per-scan rule ({@code on: scan}) is evaluated
   * once, with {@code findings} (all of them, suppressed ones included with status "SUPPRESSED",
   * so a rule can refuse suppressions), {@code scan} and {@code lists}. An expression that fails
   * at run time (e.g. a missing key) makes the verdict ERROR.
   */
  record CelRule(RuleSpec spec, CelExpression expression, Map<String, List<String>> lists) implements PolicyRule {
    /** Compiles a rule; one that does not compile is a {@link dev.bulwark.gate.policy.file.PolicyException}. */
    public static CelRule compile(RuleSpec spec, String file, Map<String, List<String>> lists) {
      return new CelRule(spec, CelExpression.compile(spec, file), lists);
    }

    public String name() {
      return spec.name();
    }

    public Optional<Hit> check(ScanFacts facts) {
      var scan = CelFacts.scan(facts);
      String prefix = (spec.deny() ? "DENY " : "WARN ") + spec.name() + ": " + spec.message();
      if (spec.perScan()) {
        var findings = facts.findings().stream().map(CelFacts::finding).toList();
        return expression.test(Map.of("findings", findings, "scan", scan, "lists", lists))
            ? Optional.of(new Hit(spec.deny(), prefix)) : Optional.empty();
      }
      var hits = new ArrayList<AssessedFinding>();
      for (var f : facts.findings()) {
        if (f.status() != FindingStatus.SUPPRESSED
            && expression.test(Map.of("finding", CelFacts.finding(f), "scan", scan, "lists", lists))) {
          hits.add(f);
        }
      }
      return hits.isEmpty() ? Optional.empty()
          : Optional.of(new Hit(spec.deny(), prefix + " — " + summarise("matched", hits)));
    }
  }
}
