package dev.bulwark.gateway.health;

import com.codahale.metrics.health.HealthCheck;
import dev.bulwark.common.cas.BlobStore;
import java.io.IOException;

/** Healthy while the content store takes uploads (its folder is writable, its bucket answers). */
public final class BlobStoreHealthCheck extends HealthCheck {
  private final BlobStore store;

  public BlobStoreHealthCheck(BlobStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    try {
      store.checkWritable();
      return Result.healthy("content store: " + store.describe());
    } catch (IOException e) {
      return Result.unhealthy("content store " + store.describe() + ": " + e.getMessage());
    }
  }
}
