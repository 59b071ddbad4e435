package dev.bulwark.sast.secrets;

/** Hides a secret: at most its first four characters stay visible, and only for long secrets. */
public final class Redactor {
  public static final String MASK = "*****REDACTED*****";

  private Redactor() {}

  public static String mask(String secret) {
    return (secret.length() >= 20 ? secret.substring(0, 4) : "") + MASK;
  }

  /** The text with every occurrence of the secret masked. */
  public static String redact(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, mask(secret));
  }
}
