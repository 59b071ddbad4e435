package dev.bulwark.gateway.gc;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Manifest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blobs no scan refers to any more. Mark and sweep: the candidates are blobs written
 * more than the retention ago; every scan the database still holds (running, or finished within
 * the scan retention) marks its manifest and the files and images the manifest names; what is
 * left is deleted. Blobs younger than the retention are never candidates, so a client's upload
 * that a scan has not named yet is safe; a scan started during the sweep is marked again before
 * anything is deleted.
 */
public final class BlobCollector {
  private static final Logger LOG = LoggerFactory.getLogger(BlobCollector.class);

  /** What one collection did. */
  public record Collected(int examined, int candidates, int deleted, long bytesFreed) {}

  private final BlobStore blobs;
  private final ScanStore scans;
  private final Duration retention;

  public BlobCollector(BlobStore blobs, ScanStore scans, Duration retention) {
    this.blobs = blobs;
    this.scans = scans;
    this.retention = retention;
  }

  public Collected collect(Instant now) throws IOException {
    var cutoff = now.minus(retention);
    var candidates = new HashMap<String, Digest>();
    int[] examined = {0};
    blobs.forEach(b -> {
      examined[0]++;
      if (b.written().isBefore(cutoff)) {
        candidates.put(b.digest().getHash(), b.digest());
      }
    });
    int found = candidates.size();
    if (!candidates.isEmpty()) {
      mark(candidates);
      mark(candidates); // again: scans recorded while the first pass ran
    }
    int deleted = 0;
    long freed = 0;
    for (Digest d : candidates.values()) {
      if (blobs.delete(d)) {
        deleted++;
        freed += d.getSizeBytes();
      }
    }
    if (deleted > 0) {
      LOG.info("content store: deleted {} unreferenced blob(s) older than {} ({} bytes)", deleted, retention, freed);
    }
    return new Collected(examined[0], found, deleted, freed);
  }

  private void mark(Map<String, Digest> candidates) {
    scans.forEachManifest(m -> {
      candidates.remove(m.getHash());
      try {
        var manifest = Manifest.parseFrom(blobs.read(m));
        for (FileEntry f : manifest.getFilesList()) {
          candidates.remove(f.getDigest().getHash());
        }
        for (Image i : manifest.getImagesList()) {
          candidates.remove(i.getArchive().getHash());
        }
      } catch (IOException e) {
        LOG.warn("content store: manifest {} of a retained scan is unreadable ({}); its blobs may be collected",
            m.getHash(), e.getMessage());
      }
    });
  }
}
