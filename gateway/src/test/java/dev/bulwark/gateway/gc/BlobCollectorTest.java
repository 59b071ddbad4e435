package dev.bulwark.gateway.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.gateway.store.Databases;
import dev.bulwark.gateway.store.NewScan;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.StartScanRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("blob garbage collection")
class BlobCollectorTest {
  @TempDir
  Path tmp;

  @Test
  void deletesOnlyOldBlobsThatNoRetainedScanRefersTo() throws Exception {
    var blobs = new DiskBlobStore(tmp.resolve("cas"));
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    Digest file = put(blobs, "referenced file", now.minus(Duration.ofDays(30)));
    Digest image = put(blobs, "referenced image", now.minus(Duration.ofDays(30)));
    Digest orphanOld = put(blobs, "nobody needs me", now.minus(Duration.ofDays(30)));
    Digest orphanYoung = put(blobs, "just uploaded, scan not started yet", now.minus(Duration.ofHours(1)));
    var manifest = Manifest.newBuilder().addFiles(FileEntry.newBuilder().setPath("a.py").setDigest(file))
        .addImages(Image.newBuilder().setName("app.tar").setArchive(image)).build();
    Digest manifestDigest = blobs.put(manifest.toByteArray());
    Files.setLastModifiedTime(blobs.path(manifestDigest), FileTime.from(now.minus(Duration.ofDays(30))));

    try (var db = Databases.h2()) {
      db.store().create(new NewScan("scan-1", "", StartScanRequest.newBuilder()
          .setContext(ScanContext.newBuilder().setProject("p")).build(), manifestDigest, "gw", "a",
          now, now.plusSeconds(600), now.minus(Duration.ofDays(30))));
      var collected = new BlobCollector(blobs, db.store(), Duration.ofDays(7)).collect(now);

      assertThat(collected.deleted()).isEqualTo(1);
      assertThat(blobs.contains(orphanOld)).isFalse();
      assertThat(blobs.contains(orphanYoung)).isTrue();
      assertThat(blobs.contains(file)).isTrue();
      assertThat(blobs.contains(image)).isTrue();
      assertThat(blobs.contains(manifestDigest)).isTrue();

      db.store().deleteFinishedBefore(now); // the scan is still running: kept
      assertThat(new BlobCollector(blobs, db.store(), Duration.ofDays(7)).collect(now).deleted()).isZero();
    }
  }

  private static Digest put(DiskBlobStore blobs, String text, Instant written) throws Exception {
    Digest d = blobs.put(text.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(blobs.path(d), FileTime.from(written));
    return d;
  }
}
