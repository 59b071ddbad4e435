package dev.bulwark.gate.policy;

import dev.bulwark.gate.assessment.ScanFacts;
import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.PolicyFile;
import dev.bulwark.gate.policy.file.PolicyParser;
import dev.bulwark.gate.policy.rule.PolicyRule;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled policy: the rules of a {@link PolicyFile} plus the scanner-status check.
 *
 * <p>Verdict: ERROR when a scanner FAILED (or was DEGRADED under {@code failOnScannerStatus:
 * DEGRADED}) or a rule could not be evaluated, since findings are then incomplete and the gate
 * fails closed; else FAIL when a deny rule fired; else PASS. Warnings and ignored suppressions
 * are listed in the reasons whatever the verdict.
 */
public final class Policy {
  private final PolicyFile file;
  private final List<PolicyRule> rules;
  private final List<String> notes;

  private Policy(PolicyFile file, List<PolicyRule> rules, List<String> notes) {
    this.file = file;
    this.rules = List.copyOf(rules);
    this.notes = List.copyOf(notes);
  }

  /**
   * A policy assembled from layers ({@link PolicyLayers}): {@code file} gives the scanner-status
   * threshold, exposure and suppressions, {@code rules} the rules of every layer, and
   * {@code notes} lines added to every decision's reasons (what a layer tried and was refused).
   */
  static Policy layered(PolicyFile file, List<PolicyRule> rules, List<String> notes) {
    return new Policy(file, rules, notes);
  }

  /** Compiles the file's rules; a CEL rule that does not compile throws {@link PolicyException}. */
  public static Policy compile(PolicyFile file) {
    var rules = new ArrayList<PolicyRule>();
    if (file.rules().isEmpty()) {
      rules.add(new PolicyRule.SeverityRule(file.thresholds()));
      rules.add(new PolicyRule.SecretRule());
    } else {
      for (var spec : file.rules()) {
        rules.add(PolicyRule.CelRule.compile(spec, file.path(), file.lists()));
      }
    }
    return new Policy(file, rules, List.of());
  }

  /** The built-in default, compiled: what decides the scanner statuses when a policy is broken. */
  public static Policy builtInDefault() {
    return compile(PolicyParser.defaults());
  }

  /** The same rules with further (central) suppressions; see {@link PolicyFile#withSuppressions}. */
  public Policy withSuppressions(List<String> ignored, List<Suppression> valid) {
    return new Policy(file.withSuppressions(valid, ignored), rules, notes);
  }

  public PolicyFile file() {
    return file;
  }

  public List<PolicyRule> rules() {
    return rules;
  }

  /** What the gate says about a scan, and why. */
  public record Outcome(Verdict verdict, List<String> reasons) {
    public Outcome {
      reasons = List.copyOf(reasons);
    }
  }

  public Outcome decide(ScanFacts facts) {
    var reasons = new ArrayList<String>();
    boolean error = false;
    boolean deny = false;
    for (var s : facts.scanners()) {
      if (file.thresholds().errorsOn(s.getStatus())) {
        error = true;
        reasons.add("ERROR scanner '" + s.getScanner() + "' " + s.getStatus() + ": "
            + (s.getMessage().isBlank() ? "(no message)" : s.getMessage()));
      } else if (s.getStatus() == ScannerStatus.DEGRADED) {
        reasons.add("WARN scanner '" + s.getScanner() + "' DEGRADED: " + s.getMessage());
      } else if (s.getStatus() != ScannerStatus.OK) {
        // Unspecified or a status this gate does not know: fail closed.
        error = true;
        reasons.add("ERROR scanner '" + s.getScanner() + "' reported no status"
            + (s.getStatus() == ScannerStatus.UNRECOGNIZED ? " it knows (value " + s.getStatusValue() + ")" : ""));
      }
    }
    if (facts.scanners().isEmpty()) {
      reasons.add("WARN no scanner reports: the findings cannot be shown complete");
    }
    for (var rule : rules) {
      try {
        var hit = rule.check(facts);
        if (hit.isPresent()) {
          deny |= hit.get().deny();
          reasons.add(hit.get().reason());
        }
      } catch (PolicyException e) {
        error = true;
        reasons.add("ERROR policy " + e.getMessage());
      }
    }
    reasons.addAll(notes);
    for (var f : facts.findings()) {
      if (f.status() == FindingStatus.SUPPRESSED) {
        continue;
      }
      file.suppressions().stream().filter(s -> s.cappedOut(f.finding())).findFirst().ifPresent(s ->
          reasons.add("WARN policy: suppression " + s.describe() + " not applied to " + f.label()
              + ": the central policy lets the repository suppress only findings up to "
              + s.cap().map(Enum::name).orElse("")));
    }
    reasons.addAll(file.ignoredSuppressions().stream().map(s -> "IGNORED " + s).toList());
    long suppressed = facts.findings().stream().filter(f -> f.status() == FindingStatus.SUPPRESSED).count();
    Verdict verdict = error ? Verdict.ERROR : deny ? Verdict.FAIL : Verdict.PASS;
    if (verdict == Verdict.PASS) {
      reasons.add(0, "PASS: " + facts.findings().size() + " findings (" + suppressed
          + " suppressed), none denied by " + file.path());
    }
    return new Outcome(verdict, reasons);
  }
}
