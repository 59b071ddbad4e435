package dev.bulwark.gate.policy;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.PolicyParser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Central policies: validated on the way in (a policy that does not parse or compile is refused
 * with the parser's or CEL's message, naming the line), and looked up for each evaluation.
 */
public final class CentralPolicies {
  /** Largest policy text accepted. */
  public static final int MAX_BYTES = 256 * 1024;

  private final CentralPolicyStore store;
  private final Clock clock;

  public CentralPolicies(CentralPolicyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Validates and stores a project's central policy; an empty text removes it.
   * {@link Refusal#invalid} without a project, or for a policy that cannot be used.
   */
  public CentralPolicy set(String project, String text, String setBy) {
    if (project.isBlank()) {
      throw Refusal.invalid("project is required");
    }
    if (text.length() > MAX_BYTES) {
      throw Refusal.invalid("policy is larger than " + MAX_BYTES + " characters");
    }
    var p = project.strip();
    var today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    String version = "";
    String allow = "";
    if (!text.isBlank()) {
      try {
        var file = PolicyParser.parse(text, CentralPolicy.source(p), today);
        Policy.compile(file);
        version = file.version();
        allow = file.repo().describe();
      } catch (PolicyException e) {
        throw Refusal.invalid("policy refused: " + e.getMessage());
      }
    }
    var stored = new CentralPolicy(p, text.isBlank() ? "" : text, version, allow,
        setBy.isBlank() ? "unknown" : setBy.strip(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.save(stored);
    return stored;
  }

  /** The policy in force for a project, if any. */
  public Optional<CentralPolicy> current(String project) {
    return store.latest(project).filter(c -> !c.text().isBlank());
  }

  /** {@link #current}, or {@link Refusal#notFound}. */
  public CentralPolicy get(String project) {
    if (project.isBlank()) {
      throw Refusal.invalid("project is required");
    }
    return current(project.strip())
        .orElseThrow(() -> Refusal.notFound("project '" + project.strip() + "' has no central policy"));
  }
}
