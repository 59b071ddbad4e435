package dev.bulwark.gate.policy;

import dev.bulwark.gate.assessment.ScanFacts;
import dev.bulwark.gate.risk.Exposure;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy of one evaluation, as its layers resolved: {@link Resolved} (a policy that decides)
 * or {@link Broken} (a layer that counts could not be parsed or compiled). A broken policy never
 * passes: the verdict is ERROR naming the error, findings are still scored (without exposure) and
 * recorded, no suppression applies, and scanner failures are still reported.
 */
public sealed interface PolicyResolution {
  /** The version the decision names: a digest over the applied layers, or over the broken text. */
  String version();

  /** The layers that went into the policy, in order; empty when broken. */
  List<AppliedPolicy> applied();

  /** The project's exposure, a risk factor. */
  Exposure exposure();

  /** The suppression that applies to a finding, if any. */
  Optional<Suppression> suppressionFor(Finding finding);

  /** Suppressions that were valid for this evaluation (recorded beside the decision). */
  List<Suppression> suppressions();

  /** One line per suppression not applied, with why. */
  List<String> ignoredSuppressions();

  /** The verdict on the scan and its reasons. */
  Policy.Outcome decide(ScanFacts facts);

  /**
   * A policy that decides.
   *
   * @param policy  the assembled policy, central suppressions included
   * @param applied every layer that went into it, in order
   * @param version a digest over the applied layers (the version of the only layer when there is one)
   */
  record Resolved(Policy policy, List<AppliedPolicy> applied, String version) implements PolicyResolution {
    public Resolved {
      applied = List.copyOf(applied);
    }

    /** This resolution with further (central) suppressions. */
    public Resolved withSuppressions(List<String> ignored, List<Suppression> valid) {
      return new Resolved(policy.withSuppressions(ignored, valid), applied, version);
    }

    public Exposure exposure() {
      return policy.file().exposure();
    }

    public Optional<Suppression> suppressionFor(Finding finding) {
      return policy.file().suppressionFor(finding);
    }

    public List<Suppression> suppressions() {
      return policy.file().suppressions();
    }

    public List<String> ignoredSuppressions() {
      return policy.file().ignoredSuppressions();
    }

    public Policy.Outcome decide(ScanFacts facts) {
      return policy.decide(facts);
    }
  }

  /**
   * A policy that cannot decide.
   *
   * @param error   what is wrong, naming the file and line
   * @param version a digest of the repository's policy text
   */
  record Broken(String error, String version) implements PolicyResolution {
    public List<AppliedPolicy> applied() {
      return List.of();
    }

    public Exposure exposure() {
      return Exposure.UNSPECIFIED;
    }

    public Optional<Suppression> suppressionFor(Finding finding) {
      return Optional.empty();
    }

    public List<Suppression> suppressions() {
      return List.of();
    }

    public List<String> ignoredSuppressions() {
      return List.of();
    }

    /** ERROR: the policy's error first, then what the built-in default says about the scanners and findings. */
    public Policy.Outcome decide(ScanFacts facts) {
      var reasons = new ArrayList<String>();
      reasons.add("ERROR policy " + error);
      Policy.builtInDefault().decide(facts).reasons().stream().filter(r -> !r.startsWith("PASS")).forEach(reasons::add);
      return new Policy.Outcome(Verdict.ERROR, reasons);
    }
  }
}
