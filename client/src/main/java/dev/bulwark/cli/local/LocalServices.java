package dev.bulwark.cli.local;

/**
 * What the full distribution adds to the thin client: the services themselves, to run a scan
 * without {@code --gateway} or a gate command without {@code --gate}. The thin client has
 * {@link #NONE}, which says so in a message the user can act on.
 */
public interface LocalServices {
  /** All five services: a scan without {@code --gateway}, {@code bulwark cluster}. */
  LocalCluster cluster();

  /** The gate alone, on the database under {@code $BULWARK_HOME}: gate commands without {@code --gate}. */
  LocalCluster gate();

  /**
   * Brings the data an embedded scan needs up to date before the cluster starts (the full
   * distribution fetches advisories on first use and when they are old). Never fails the scan:
   * what cannot be fetched is one warning line, and the scan goes on with what there is.
   */
  default void prepareScan(ScanPreparation preparation) {}

  /** The thin client: nothing runs locally. */
  LocalServices NONE = new LocalServices() {
    @Override
    public LocalCluster cluster() {
      throw new IllegalStateException("this is the thin bulwark client, which runs no services itself:"
          + " pass --gateway HOST:PORT (or use the full bulwark distribution to scan without a cluster)");
    }

    @Override
    public LocalCluster gate() {
      throw new IllegalStateException("this is the thin bulwark client, which runs no services itself:"
          + " pass --gate HOST:PORT (or use the full bulwark distribution for the local gate database)");
    }
  };
}
