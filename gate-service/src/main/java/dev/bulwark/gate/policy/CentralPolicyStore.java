package dev.bulwark.gate.policy;

import java.util.Optional;

/**
 * Where central policies are kept (implemented with JDBI in {@code db}). Every version is kept, so
 * the policy a decision names can be looked up later; the newest is the one in force.
 */
public interface CentralPolicyStore {
  void save(CentralPolicy policy);

  /** The newest version stored for the project (its text is empty when the policy was removed). */
  Optional<CentralPolicy> latest(String project);
}
