package dev.bulwark.gateway.store;

/**
 * This replica no longer coordinates the scan: another replica took it over (its lease had
 * expired) or it is finished. The replica stops working on it and writes nothing more.
 */
public final class LostLeaseException extends RuntimeException {
  public LostLeaseException(String scanId, long epoch) {
    super("scan " + scanId + ": lease of epoch " + epoch + " lost", null, false, false);
  }
}
