package dev.bulwark.container.check;

import dev.bulwark.v1.Severity;

/**
 * What a configuration check looks for and how to fix it.
 *
 * @param id          Trivy's id where Trivy has the same check ("DS-0002", "KSV-0017", "AVD-AWS-0107"),
 *                    else a {@code bulwark.*} id
 * @param title       one line for humans
 * @param severity    as Trivy rates it, or our own rating for bulwark ids
 * @param description why it matters
 * @param remediation what to change
 */
public record CheckSpec(String id, String title, Severity severity, String description, String remediation) {

  /** A failed check at a place in a file. */
  public Hit at(int line, int endLine, String snippet, String message) {
    return new Hit(this, line, Math.max(line, endLine), snippet, message);
  }

  public Hit at(int line, String snippet, String message) {
    return at(line, line, snippet, message);
  }

  /**
   * One failure of a check.
   *
   * @param line    1-based first line in the original file
   * @param snippet the source at that line, secrets redacted
   * @param message what exactly is wrong here (names the container, resource or instruction)
   */
  public record Hit(CheckSpec check, int line, int endLine, String snippet, String message) {}
}
