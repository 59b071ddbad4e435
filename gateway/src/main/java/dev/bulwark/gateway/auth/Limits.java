package dev.bulwark.gateway.auth;

import java.time.Duration;

/** The values of {@link LimitSettings}, for code and tests. */
public record Limits(int callsPerSecond, int concurrentScans, long maxBlobBytes, int maxManifestEntries,
    long maxScanBytes, Duration maxScanDuration, int blobGrants, Duration credentialCache) {
  public static Limits defaults() {
    return new LimitSettings().toLimits();
  }

  public Limits withCallsPerSecond(int n) {
    return new Limits(n, concurrentScans, maxBlobBytes, maxManifestEntries, maxScanBytes, maxScanDuration, blobGrants,
        credentialCache);
  }

  public Limits withConcurrentScans(int n) {
    return new Limits(callsPerSecond, n, maxBlobBytes, maxManifestEntries, maxScanBytes, maxScanDuration, blobGrants,
        credentialCache);
  }

  public Limits withCaps(long maxBlob, int maxEntries, long maxScan, Duration maxDuration) {
    return new Limits(callsPerSecond, concurrentScans, maxBlob, maxEntries, maxScan, maxDuration, blobGrants,
        credentialCache);
  }
}
