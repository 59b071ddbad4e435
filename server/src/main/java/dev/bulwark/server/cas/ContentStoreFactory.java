package dev.bulwark.server.cas;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.cas.s3.S3BlobStore;
import dev.bulwark.cas.s3.S3ResultStore;
import dev.bulwark.cas.s3.S3Settings;
import dev.bulwark.common.cas.BlobSource;
import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.StoreBlobSource;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code contentStore:} block of a service's YAML. {@code type: disk} (the default) keeps blobs
 * in a local folder: one replica, or the embedded cluster. {@code type: s3} puts them in an
 * S3-compatible bucket that every gateway replica and every scanner shares: any replica then
 * serves any scan, and scanners read blobs from the bucket directly.
 *
 * <pre>
 * contentStore:
 *   type: s3
 *   endpoint: http://minio:9000     # empty for AWS S3
 *   region: us-east-1
 *   bucket: bulwark-cas
 *   prefix: cas/
 *   pathStyle: true                 # MinIO, Ceph
 *   accessKeyId: ${AWS_ACCESS_KEY_ID:-}       # empty: the SDK's standard chain
 *   secretAccessKey: ${AWS_SECRET_ACCESS_KEY:-}
 *   resultsPrefix: results/         # scanners' results cache, beside the blobs (never under them)
 *   resultsRetention: 7d            # results unused this long are deleted
 * </pre>
 */
public class ContentStoreFactory {
  @JsonProperty
  public String type = "disk";
  @JsonProperty
  public String endpoint = "";
  @JsonProperty
  public String region = "us-east-1";
  @JsonProperty
  public String bucket = "";
  @JsonProperty
  public String prefix = "cas/";
  @JsonProperty
  public boolean pathStyle = true;
  @JsonProperty
  public String accessKeyId = "";
  @JsonProperty
  public String secretAccessKey = "";
  @JsonProperty
  public DataSize partSize = DataSize.mebibytes(16);
  @JsonProperty
  public int maxConnections = 64;
  @JsonProperty
  public boolean createBucket = false;
  /** Blobs fetched from the bucket at once by a scanner. */
  @JsonProperty
  public int fetchParallelism = 16;
  /** Where scanners keep analysis results in the bucket; must not overlap {@link #prefix}. */
  @JsonProperty
  public String resultsPrefix = "results/";
  /** Results not used for this long are deleted (each scanner replica expires them periodically). */
  @JsonProperty
  public Duration resultsRetention = Duration.days(7);

  public boolean shared() {
    return switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
      case "disk", "" -> false;
      case "s3" -> true;
      default -> throw new IllegalArgumentException("contentStore.type must be disk or s3, not '" + type + "'");
    };
  }

  public S3Settings s3Settings() {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId, secretAccessKey,
        partSize.toBytes(), maxConnections, createBucket);
  }

  /** The store: the bucket when {@code type: s3}, else a folder at {@code diskDir}. */
  public BlobStore build(Path diskDir) {
    return shared() ? S3BlobStore.open(s3Settings()) : new DiskBlobStore(diskDir);
  }

  /** The scanners' shared results cache in the bucket when {@code type: s3}; empty otherwise. */
  public Optional<BucketResultStore> sharedResults() {
    return shared() ? Optional.of(new BucketResultStore(S3ResultStore.open(s3Settings(), resultsPrefix,
        java.time.Duration.ofMillis(resultsRetention.toMilliseconds())))) : Optional.empty();
  }

  /** Where a scanner reads blobs from directly: the bucket when shared; empty means "through a gateway". */
  public Optional<BlobSource> scannerSource() {
    return shared() ? Optional.of(new StoreBlobSource(S3BlobStore.open(s3Settings()), fetchParallelism))
        : Optional.empty();
  }
}
