package dev.bulwark.container.image;

/** The archive tries to escape its root or exhaust the scanner; the message says how. */
public final class HostileImageException extends Exception {
  public HostileImageException(String message) {
    super(message);
  }
}
