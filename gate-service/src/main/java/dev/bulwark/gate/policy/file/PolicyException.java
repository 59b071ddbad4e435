package dev.bulwark.gate.policy.file;

/**
 * A policy that cannot be used: malformed YAML, an unknown key, a rule that does not compile.
 * The message is precise (file, line, column when known) because it ends up in the decision,
 * whose verdict is then ERROR.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
