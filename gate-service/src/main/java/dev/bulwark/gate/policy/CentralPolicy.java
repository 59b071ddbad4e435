package dev.bulwark.gate.policy;

import java.time.Instant;

/**
 * A project's central policy as stored by the gate: the layer between the built-in default and
 * the repository's policy ({@link PolicyLayers}).
 *
 * @param project   the project it governs
 * @param text      the policy text (empty once removed)
 * @param version   digest of the text, as the decisions name it
 * @param repoAllow what it lets a repository's policy do ({@link dev.bulwark.gate.policy.file.RepoGrant#describe()})
 * @param setBy     who stored it
 * @param setAt     when
 */
public record CentralPolicy(String project, String text, String version, String repoAllow, String setBy,
    Instant setAt) {

  /** The name messages and decisions use for it. */
  public static String source(String project) {
    return "central policy of " + project;
  }
}
