package dev.bulwark.cas.s3;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Scanners' analysis results in the shared content store's bucket, so that every scanner replica
 * reuses what any of them analysed: objects {@code <prefix><ab>/<key>} beside (never under) the
 * blobs. A cache, bounded by age: {@link #expire} deletes entries not written for
 * {@code retention}, and an entry read when older than half of it is written again, so entries
 * in use stay while the rest go (least recently used out, at half-retention granularity). An S3
 * PUT is atomic, so two replicas writing the same key leave one whole value.
 */
public final class S3ResultStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3ResultStore.class);
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{8,128}");

  private final S3Settings settings;
  private final String prefix;
  private final Duration retention;
  private final S3Client s3;

  private S3ResultStore(S3Settings settings, String prefix, Duration retention, S3Client s3) {
    this.settings = settings;
    this.prefix = prefix;
    this.retention = retention;
    this.s3 = s3;
  }

  /**
   * Connects to the content store's bucket (which the blob store creates or checks) and keeps
   * results under {@code prefix}, which must not overlap the blobs' prefix: the blob store's
   * garbage collection would take result entries for blobs.
   */
  public static S3ResultStore open(S3Settings settings, String prefix, Duration retention) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty() || p.startsWith(settings.prefix()) || settings.prefix().startsWith(p)) {
      throw new IllegalArgumentException("the results prefix '" + p + "' must be set and must not overlap the"
          + " blobs' prefix '" + settings.prefix() + "' (e.g. blobs under cas/, results under results/)");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the results retention must be positive, not " + retention);
    }
    return new S3ResultStore(settings, p, retention, S3Clients.create(settings));
  }

  public Optional<byte[]> get(String key) throws IOException {
    String object = object(key);
    try {
      var response = s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(object));
      byte[] bytes = response.asByteArray();
      Instant written = response.response().lastModified();
      if (written != null && written.isBefore(Instant.now().minus(retention.dividedBy(2)))) {
        refresh(key, bytes);
      }
      return Optional.of(bytes);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw io("cannot read result " + key, e);
    }
  }

  /** Stores or replaces the value. */
  public void put(String key, byte[] value) throws IOException {
    String object = object(key);
    try {
      s3.putObject(b -> b.bucket(settings.bucket()).key(object), RequestBody.fromBytes(value));
    } catch (SdkException e) {
      throw io("cannot write result " + key, e);
    }
  }

  /** Deletes the entries last written before {@code before}; returns how many. */
  public int expire(Instant before) throws IOException {
    int deleted = 0;
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents()) {
        String name = o.key().substring(o.key().lastIndexOf('/') + 1);
        if (KEY.matcher(name).matches() && o.lastModified().isBefore(before)) {
          s3.deleteObject(b -> b.bucket(settings.bucket()).key(o.key()));
          deleted++;
        }
      }
    } catch (SdkException e) {
      throw io("cannot expire results", e);
    }
    return deleted;
  }

  /** Deletes the entries not written for the retention; returns how many. */
  public int expire() throws IOException {
    return expire(Instant.now().minus(retention));
  }

  public Duration retention() {
    return retention;
  }

  public String describe() {
    return "s3 " + (settings.endpoint().isEmpty() ? "" : settings.endpoint() + " ") + "bucket " + settings.bucket()
        + " prefix " + prefix + " (entries kept " + retention.toDays() + " days after their last use)";
  }

  /** The object's key: {@code <prefix><first two hex>/<key>}. */
  String object(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a results key: " + key);
    }
    return prefix + key.substring(0, 2) + "/" + key;
  }

  S3Client client() {
    return s3;
  }

  String bucket() {
    return settings.bucket();
  }

  private void refresh(String key, byte[] bytes) {
    try {
      put(key, bytes);
    } catch (IOException e) {
      LOG.debug("results: could not refresh {}: {}", key, e.toString());
    }
  }

  private IOException io(String what, SdkException e) {
    return new IOException(what + " in " + describe() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    s3.close();
  }
}
