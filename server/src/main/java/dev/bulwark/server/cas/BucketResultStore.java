package dev.bulwark.server.cas;

import dev.bulwark.cas.s3.S3ResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The scanners' results cache in the shared content store's bucket ({@link S3ResultStore}): every
 * scanner replica of a cluster reuses what any of them analysed. Bounded by age ({@link #expire}).
 */
public final class BucketResultStore implements ResultStore, AutoCloseable {
  private final S3ResultStore bucket;

  public BucketResultStore(S3ResultStore bucket) {
    this.bucket = bucket;
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    return bucket.get(key);
  }

  @Override
  public void put(String key, byte[] value) throws IOException {
    bucket.put(key, value);
  }

  /** Deletes the entries not used for the retention; returns how many. */
  public int expire() throws IOException {
    return bucket.expire();
  }

  @Override
  public String describe() {
    return bucket.describe();
  }

  @Override
  public void close() {
    bucket.close();
  }
}
