package dev.bulwark.gateway.store;

import dev.bulwark.v1.Digest;
import dev.bulwark.v1.StartScanRequest;
import java.time.Instant;

/** A scan about to be recorded, with the lease of the replica that starts it. */
public record NewScan(String scanId, String requestId, StartScanRequest request, Digest manifest,
    String contentStore, String owner, Instant leaseUntil, Instant deadlineAt, Instant createdAt) {}
