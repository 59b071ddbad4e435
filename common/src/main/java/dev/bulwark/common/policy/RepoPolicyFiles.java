package dev.bulwark.common.policy;

import java.util.List;

/**
 * Where a repository keeps its gate settings, relative to the scanned tree's root: the files the
 * gateway (a scan) and {@code bulwark check} (the pre-commit hook) send to the gate, so both decide
 * under the same policy.
 */
public final class RepoPolicyFiles {
  /**
   * The repository policy, in order of preference: the first found is sent. {@code .bulwark.yaml}
   * is the legacy name, still read.
   */
  public static final List<String> POLICY = List.of(".bulwark/policy.yaml", ".bulwark/policy.yml", ".bulwark.yaml",
      ".bulwark.yml");
  /** The repository's suppressions, in order of preference. */
  public static final List<String> IGNORE = List.of(".bulwarkignore.yaml", ".bulwarkignore.yml");
  /** Larger files are refused, not sent. */
  public static final long MAX_BYTES = 1024 * 1024;

  private RepoPolicyFiles() {}
}
