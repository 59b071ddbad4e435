package dev.bulwark.server.embedded;

import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;

/**
 * The gate's evaluation in this process, without its database: the same policy layers (built-in
 * default, the repository's policy and ignore file), scoring and decision as {@code Gate.Evaluate},
 * but no central policy or suppressions, no baseline (every finding is NEW) and nothing recorded.
 * The full distribution provides one ({@code META-INF/services/dev.bulwark.server.embedded.LocalGate})
 * for {@code bulwark check}.
 */
public interface LocalGate {
  /** @throws IllegalArgumentException when the request is incomplete (no scan id or project) */
  EvaluateResponse evaluate(EvaluateRequest request);
}
