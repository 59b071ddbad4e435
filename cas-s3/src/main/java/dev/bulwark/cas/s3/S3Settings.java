package dev.bulwark.cas.s3;

/**
 * Where the shared content store's bucket is and how to reach it.
 *
 * @param endpoint        the S3 API's URL for MinIO, Ceph, GCS ("https://storage.googleapis.com") or a
 *                        test server; empty: AWS S3 of the region
 * @param region          the bucket's region (any value for most S3-compatible servers)
 * @param bucket          the bucket; must exist unless {@code createBucket}
 * @param prefix          key prefix for blobs, e.g. "cas/"; blobs are {@code <prefix><ab>/<hash>}
 * @param pathStyle       path-style URLs ({@code endpoint/bucket/key}), as MinIO and Ceph want
 * @param accessKeyId     static credentials; empty: the SDK's standard chain (environment,
 *                        web identity / IRSA, profile, container or instance role)
 * @param secretAccessKey static credentials, with {@code accessKeyId}
 * @param partSizeBytes   blobs larger than this go up as multipart uploads of parts this size
 *                        (at least 5 MiB, S3's minimum part)
 * @param maxConnections  HTTP connections to the S3 API at most
 * @param createBucket    create the bucket when it is missing (development, tests)
 */
public record S3Settings(String endpoint, String region, String bucket, String prefix, boolean pathStyle,
    String accessKeyId, String secretAccessKey, long partSizeBytes, int maxConnections, boolean createBucket) {
  public static final long MIN_PART_BYTES = 5L * 1024 * 1024;
  public static final long DEFAULT_PART_BYTES = 16L * 1024 * 1024;

  public S3Settings {
    endpoint = endpoint == null ? "" : endpoint.strip();
    region = region == null || region.isBlank() ? "us-east-1" : region.strip();
    prefix = prefix == null ? "" : prefix.strip();
    accessKeyId = accessKeyId == null ? "" : accessKeyId.strip();
    secretAccessKey = secretAccessKey == null ? "" : secretAccessKey.strip();
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("contentStore.s3.bucket is required");
    }
    if (partSizeBytes < MIN_PART_BYTES) {
      throw new IllegalArgumentException("contentStore.s3.partSize must be at least 5 MiB (S3's smallest part)");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("contentStore.s3.maxConnections must be at least 1");
    }
    if (accessKeyId.isEmpty() != secretAccessKey.isEmpty()) {
      throw new IllegalArgumentException("contentStore.s3: give both accessKeyId and secretAccessKey, or neither");
    }
  }

  /** Path-style settings for an S3-compatible server at {@code endpoint} with static credentials. */
  public static S3Settings compatible(String endpoint, String bucket, String accessKeyId, String secretAccessKey) {
    return new S3Settings(endpoint, "us-east-1", bucket, "cas/", true, accessKeyId, secretAccessKey,
        DEFAULT_PART_BYTES, 64, false);
  }

  public S3Settings withPartSize(long bytes) {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId, secretAccessKey, bytes,
        maxConnections, createBucket);
  }

  public S3Settings withPrefix(String blobPrefix) {
    return new S3Settings(endpoint, region, bucket, blobPrefix, pathStyle, accessKeyId, secretAccessKey, partSizeBytes,
        maxConnections, createBucket);
  }

  public S3Settings withCreateBucket(boolean create) {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId, secretAccessKey, partSizeBytes,
        maxConnections, create);
  }
}
