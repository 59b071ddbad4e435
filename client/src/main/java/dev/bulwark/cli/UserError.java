package dev.bulwark.cli;

/** A problem the user can fix (bad input, unreachable gateway): one line on stderr, exit 2. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
