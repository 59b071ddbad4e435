package dev.bulwark.gate.decision;

import dev.bulwark.gate.policy.CentralPolicy;
import dev.bulwark.gate.policy.CentralPolicyStore;
import dev.bulwark.gate.suppression.CentralSuppression;
import dev.bulwark.gate.suppression.SuppressionStore;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import java.util.List;
import java.util.Optional;

/**
 * A record that keeps nothing, for decisions made without the gate's database (the pre-commit
 * hook's {@code bulwark check}): no baseline (every finding is NEW), no central suppressions or
 * policies, nothing stored; what only a database can do is refused.
 */
public final class Unrecorded implements DecisionStore {
  private static final String NO_DATABASE = "this gate has no database (an in-process check)";

  @Override
  public List<Finding> baselineFindings(String scanId, ScanContext context, String baselineBranch) {
    return List.of();
  }

  @Override
  public Optional<StoredDecision> latestDecision(String scanId) {
    return Optional.empty();
  }

  @Override
  public void recordOverride(Decision override) {
    throw new UnsupportedOperationException(NO_DATABASE);
  }

  @Override
  public SuppressionStore suppressions() {
    return new SuppressionStore() {
      @Override
      public void add(CentralSuppression suppression) {
        throw new UnsupportedOperationException(NO_DATABASE);
      }

      @Override
      public List<CentralSuppression> list(String project) {
        return List.of();
      }

      @Override
      public boolean remove(String id) {
        return false;
      }
    };
  }

  @Override
  public CentralPolicyStore policies() {
    return new CentralPolicyStore() {
      @Override
      public void save(CentralPolicy policy) {
        throw new UnsupportedOperationException(NO_DATABASE);
      }

      @Override
      public Optional<CentralPolicy> latest(String project) {
        return Optional.empty();
      }
    };
  }

  @Override
  public void record(Evaluation evaluation) {
    // nothing is kept
  }

  @Override
  public boolean record(Evaluation evaluation, KeptReply reply) {
    return true; // nothing is kept, and nobody else evaluates this scan
  }

  @Override
  public DecisionPage listDecisions(DecisionQuery query) {
    return new DecisionPage(List.of(), 0);
  }
}
