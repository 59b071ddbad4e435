package dev.bulwark.gateway.health;

import com.codahale.metrics.health.HealthCheck;
import dev.bulwark.common.cas.DiskBlobStore;
import java.nio.file.Files;

/** Healthy while the content store's folder exists and is writable: uploads need it. */
public final class BlobStoreHealthCheck extends HealthCheck {
  private final DiskBlobStore store;

  public BlobStoreHealthCheck(DiskBlobStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    var dir = store.root().resolve("tmp");
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      return Result.unhealthy("content store folder not writable: " + dir);
    }
    return Result.healthy("content store at " + store.root());
  }
}
