package dev.bulwark.container.check;

/** A configuration file that cannot be parsed; the message names the line when known. */
public final class ConfigParseException extends Exception {
  public ConfigParseException(String message) {
    super(message);
  }

  public ConfigParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
