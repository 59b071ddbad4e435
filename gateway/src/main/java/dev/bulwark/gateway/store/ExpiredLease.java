package dev.bulwark.gateway.store;

import java.time.Instant;

/** A running scan whose coordinator stopped renewing its lease. */
public record ExpiredLease(String scanId, String owner, long epoch, Instant leaseUntil, Instant deadlineAt) {}
