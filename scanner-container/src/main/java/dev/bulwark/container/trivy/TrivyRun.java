package dev.bulwark.container.trivy;

/**
 * How one Trivy process ended.
 *
 * @param ending   why it stopped
 * @param exitCode the exit code when it exited by itself, else -1
 * @param stdout   what it printed (at most the configured cap)
 * @param stderr   the last part of its error output, for status messages
 */
public record TrivyRun(Ending ending, int exitCode, byte[] stdout, String stderr) {

  /** Why the process stopped. */
  public enum Ending {
    EXITED, TIMED_OUT, CANCELLED, OUTPUT_TOO_LARGE, NOT_STARTED
  }

  /**
   * Trivy exits 0 whether or not it finds anything (we never pass {@code --exit-code}); any other
   * code means the scan failed (exit code 1 for errors such as a missing database).
   */
  public boolean succeeded() {
    return ending == Ending.EXITED && exitCode == 0;
  }

  /** One line for a scanner status message. */
  public String describeFailure() {
    String why = switch (ending) {
      case EXITED -> "exited with code " + exitCode;
      case TIMED_OUT -> "timed out and was killed";
      case CANCELLED -> "was cancelled and killed";
      case OUTPUT_TOO_LARGE -> "printed more output than allowed and was killed";
      case NOT_STARTED -> "could not be started";
    };
    String err = stderr.strip().replaceAll("\\s+", " ");
    return "trivy " + why + (err.isEmpty() ? "" : ": " + err);
  }
}
