package dev.bulwark.gate.policy;

import dev.bulwark.gate.policy.file.IgnoreFile;
import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.PolicyParser;
import dev.bulwark.gate.suppression.CentralSuppressions;
import dev.bulwark.v1.EvaluateRequest;
import java.time.LocalDate;

/**
 * Resolves the policy of one evaluation from its layers ({@link PolicyLayers}): the built-in
 * default, the project's central policy, the repository's policy and ignore file as the request
 * carries them, then the project's central suppressions. Never throws for bad policy text: that
 * is a {@link PolicyResolution.Broken}.
 */
public final class PolicyResolver {
  /** Where the repository's policy is said to come from when the request does not say. */
  static final String DEFAULT_POLICY_PATH = ".bulwark.yaml";

  private final CentralPolicies policies;
  private final CentralSuppressions suppressions;

  public PolicyResolver(CentralPolicies policies, CentralSuppressions suppressions) {
    this.policies = policies;
    this.suppressions = suppressions;
  }

  public PolicyResolution resolve(EvaluateRequest req, LocalDate today) {
    String project = req.getContext().getProject();
    String path = req.getRepoPolicyPath().isBlank() ? DEFAULT_POLICY_PATH : req.getRepoPolicyPath();
    try {
      var central = policies.current(project)
          .map(c -> new PolicyLayers.Source(c.text(), CentralPolicy.source(project)));
      var ignore = IgnoreFile.parse(req.getRepoIgnore(), req.getRepoIgnorePath(), today);
      var ignoreVersion = req.getRepoIgnore().isBlank() ? "" : PolicyParser.hash(req.getRepoIgnore());
      var resolved = PolicyLayers.resolve(
          new PolicyLayers.Inputs(central, req.getRepoPolicy(), path, ignore, ignoreVersion), today);
      var centralSuppressions = suppressions.forEvaluation(project, today);
      return resolved.withSuppressions(centralSuppressions.ignored(), centralSuppressions.valid());
    } catch (PolicyException e) {
      return new PolicyResolution.Broken(e.getMessage(),
          PolicyParser.hash(PolicyParser.VERSION + "\0" + req.getRepoPolicy()));
    }
  }
}
