package dev.bulwark.gateway.core;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.gateway.store.ExpiredLease;
import dev.bulwark.v1.Manifest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this replica does with a scan it claimed from a dead coordinator: resumes it (only the
 * scanners that have not reported are dispatched again), or, when its deadline has passed or its
 * manifest is gone, ends it as ERROR with a reason that says what happened.
 */
final class Takeovers {
  private static final Logger LOG = LoggerFactory.getLogger(Takeovers.class);

  private final ScanCoordinator c;
  private final BlobStore blobs;

  Takeovers(ScanCoordinator c, BlobStore blobs) {
    this.c = c;
    this.blobs = blobs;
  }

  void takeOver(ExpiredLease lease, long epoch) {
    var row = c.scans().find(lease.scanId()).orElseThrow();
    String why = "replica " + lease.owner() + " stopped coordinating the scan (its lease ended at "
        + lease.leaseUntil() + ")";
    if (!c.now().isBefore(row.deadlineAt())) {
      end(lease, epoch, "the scan's deadline (" + row.deadlineAt() + ") passed while no gateway replica "
          + "coordinated it: " + why);
      return;
    }
    Manifest manifest;
    try {
      manifest = Manifest.parseFrom(blobs.read(row.manifest()));
    } catch (IOException e) {
      end(lease, epoch, "cannot resume the scan: its manifest " + row.manifest().getHash()
          + " is not readable from the content store (" + e.getMessage() + "); " + why);
      return;
    }
    var request = row.request().toBuilder().setManifest(manifest).build();
    String advertised = c.settings().advertiseAddress();
    String contentStore = !advertised.isBlank() ? advertised
        : !c.lastLocalAddress().isBlank() ? c.lastLocalAddress() : row.contentStore();
    LOG.info("scan {}: taken over by {} at epoch {}: {}", row.scanId(), c.replica(), epoch, why);
    c.launch(new ScanRun(c, row.scanId(), epoch, request, ScanCoordinator.task(row, manifest, contentStore),
        row.createdAt(), row.deadlineAt(), "re-dispatched by " + c.replica() + ": " + why, c.phases().start()));
  }

  int abandonOrphans(Set<String> live, String reason) {
    int ended = 0;
    var forever = Instant.ofEpochMilli(Long.MAX_VALUE);
    for (ExpiredLease lease : c.scans().expired(forever, Integer.MAX_VALUE)) {
      if (!live.contains(lease.owner())) {
        var epoch = c.scans().claim(lease, c.replica(), forever, c.now().plus(c.settings().lease()));
        if (epoch.isPresent() && end(lease, epoch.get(), reason)) {
          ended++;
        }
      }
    }
    return ended;
  }

  /** Ends the scan as ERROR with the reason, keeping what the scanners that reported found. */
  private boolean end(ExpiredLease lease, long epoch, String reason) {
    var row = c.scans().find(lease.scanId()).orElseThrow();
    var reported = new ArrayList<>(c.scans().scannerResults(row.scanId()).values());
    var result = ScanRun.expired(c.verdicts(), new Verdicts.ScanRef(row.scanId(), row.request().getContext()),
        reported, reason);
    boolean ended = c.scans().finish(row.scanId(), epoch, result, c.now());
    if (ended) {
      LOG.warn("scan {} ended as ERROR: {}", row.scanId(), reason);
    }
    c.hub().wake();
    return ended;
  }
}
