package dev.bulwark.gateway.auth;

import dev.bulwark.common.cas.BlobAccess;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.StartScanRequest;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a StartScan must pass before the coordinator sees it, for the calling credential: the
 * caps (manifest entries, total bytes, deadline), every blob one the caller uploaded or proved
 * ({@link BlobAccess}), and a free slot among its concurrent scans (a Resilience4j
 * {@link Bulkhead} per credential, released when the scan ends). Records who started the scan.
 */
public final class ScanAdmission {
  private final Limits limits;
  private final BlobAccess blobs;
  private final ScanOwners owners;
  private final BulkheadConfig bulkhead;
  private final Map<String, Bulkhead> running = new LinkedHashMap<>();

  public ScanAdmission(Limits limits, BlobAccess blobs, ScanOwners owners) {
    this.limits = limits;
    this.blobs = blobs;
    this.owners = owners;
    this.bulkhead = BulkheadConfig.custom().maxConcurrentCalls(limits.concurrentScans()).maxWaitDuration(Duration.ZERO)
        .build();
  }

  /** A scan slot taken; {@link #release} it when the scan ends (or failed to start). */
  public record Ticket(Principal caller, Bulkhead slot) {
    public void release() {
      if (slot != null) {
        slot.onComplete();
      }
    }
  }

  /**
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming a cap, FAILED_PRECONDITION for
   *                                        blobs the caller has not uploaded, RESOURCE_EXHAUSTED
   *                                        when its concurrent scans are all taken
   */
  public Ticket admit(StartScanRequest request) {
    var manifest = request.getManifest();
    int entries = manifest.getFilesCount() + manifest.getImagesCount();
    if (entries > limits.maxManifestEntries()) {
      throw invalid("the manifest has " + entries + " entries; at most " + limits.maxManifestEntries()
          + " are allowed (limits.maxManifestEntries)");
    }
    long seconds = limits.maxScanDuration().toSeconds();
    if (request.getDeadlineSeconds() > seconds) {
      throw invalid("deadline_seconds " + request.getDeadlineSeconds() + " exceeds the longest scan allowed, "
          + seconds + " s (limits.maxScanDuration)");
    }
    var distinct = new LinkedHashMap<String, Digest>();
    for (FileEntry f : manifest.getFilesList()) {
      distinct.putIfAbsent(f.getDigest().getHash(), f.getDigest());
    }
    for (Image i : manifest.getImagesList()) {
      distinct.putIfAbsent(i.getArchive().getHash(), i.getArchive());
    }
    long bytes = distinct.values().stream().mapToLong(d -> Math.max(0, d.getSizeBytes())).sum();
    if (bytes > limits.maxScanBytes()) {
      throw invalid("the scan covers " + bytes + " bytes; at most " + limits.maxScanBytes()
          + " are allowed (limits.maxScanBytes)");
    }
    var unproved = new ArrayList<Digest>();
    for (Digest d : distinct.values()) {
      if (wellFormed(d) && !blobs.mayUse(d)) {
        unproved.add(d);
      }
    }
    if (!unproved.isEmpty()) {
      throw Status.FAILED_PRECONDITION.withDescription("content store lacks " + unproved.size()
          + " blob(s) this caller uploaded; upload them first: " + String.join(", ",
          unproved.stream().limit(20).map(Digests::format).toList())).asRuntimeException();
    }
    Principal caller = AuthContext.principal();
    if (caller.kind() == Principal.Kind.LOCAL) {
      return new Ticket(caller, null);
    }
    Bulkhead slot;
    synchronized (running) {
      slot = running.computeIfAbsent(caller.id(), id -> Bulkhead.of("scans", bulkhead));
    }
    if (!slot.tryAcquirePermission()) {
      throw Exhausted.retryAfter(caller.id() + " already has " + limits.concurrentScans()
          + " scans running, the most allowed (limits.concurrentScans)", Duration.ofSeconds(5));
    }
    return new Ticket(caller, slot);
  }

  /** The scan started: remember who started it. */
  public void started(String scanId, StartScanRequest request, Ticket ticket) {
    owners.started(scanId, request.getContext().getProject(), ticket.caller().id());
  }

  /** Malformed digests are left to the manifest validator, which names the file. */
  private static boolean wellFormed(Digest d) {
    try {
      Digests.validate(d);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static RuntimeException invalid(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }
}
