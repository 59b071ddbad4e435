package dev.bulwark.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;

/**
 * The gateway's {@code limits:} block: what one credential may ask of the cluster. Each refusal
 * names the setting, so an operator knows what to raise.
 */
public class LimitSettings {
  /** Calls per second per credential (all gateway methods); over it: RESOURCE_EXHAUSTED with a retry hint. */
  @Min(1)
  @JsonProperty
  public int callsPerSecond = 50;
  /** Scans one credential may have running at once; over it: RESOURCE_EXHAUSTED. */
  @Min(1)
  @JsonProperty
  public int concurrentScans = 8;
  /** Largest blob accepted (bytes); INVALID_ARGUMENT above. */
  @Min(1)
  @JsonProperty
  public long maxBlobBytes = 4L << 30;
  /** Most files and images in one scan's manifest; INVALID_ARGUMENT above. */
  @Min(1)
  @JsonProperty
  public int maxManifestEntries = 500_000;
  /** Most bytes (distinct blobs) one scan may cover; INVALID_ARGUMENT above. */
  @Min(1)
  @JsonProperty
  public long maxScanBytes = 20L << 30;
  /** Longest deadline a scan may ask for; INVALID_ARGUMENT above. */
  @JsonProperty
  public Duration maxScanDuration = Duration.hours(1);
  /** How many (caller, blob) upload proofs the gateway remembers; older ones are uploaded again. */
  @Min(1)
  @JsonProperty
  public int blobGrants = 200_000;
  /** How long the gateway trusts the gate's answer about a credential (revocation delay). */
  @JsonProperty
  public Duration credentialCache = Duration.seconds(30);

  public Limits toLimits() {
    return new Limits(callsPerSecond, concurrentScans, maxBlobBytes, maxManifestEntries, maxScanBytes,
        maxScanDuration.toJavaDuration(), blobGrants, credentialCache.toJavaDuration());
  }
}
