package dev.bulwark.gateway.store;

import dev.bulwark.v1.Digest;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.StartScanRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * A scan as the database holds it.
 *
 * @param request    the StartScan request without its manifest (which is the blob {@code manifest})
 * @param owner      the replica holding (or last holding) the lease
 * @param epoch      how many replicas have coordinated it; every coordinator write names it
 * @param lastSeq    sequence number of the latest event
 * @param result     the final result, once done
 */
public record ScanRow(String scanId, String requestId, StartScanRequest request, Digest manifest,
    String contentStore, boolean done, String owner, long epoch, Instant leaseUntil, Instant deadlineAt,
    Instant createdAt, long lastSeq, Optional<ScanResult> result) {}
