package dev.bulwark.cas.s3;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.cas.BlobWriter;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.cas.NoSuchBlobException;
import dev.bulwark.common.cas.VerifyingInputStream;
import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The shared content store in an S3-compatible bucket: every gateway replica and every scanner
 * reads and writes the same blobs, so any replica serves any scan. Blobs are objects named
 * {@code <prefix><ab>/<sha256>}; each is verified against its digest before it is published
 * (large ones as multipart uploads, completed only once verified) and again on every read.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  /** HEAD requests in flight at once when a whole manifest is checked. */
  private static final int PARALLEL_HEADS = 32;

  /**
   * How long a blob seen present is taken as present without asking again (blobs are immutable);
   * each use extends it, up to {@link #SEEN_CONFIRMED_MILLIS} after the bucket last confirmed it.
   */
  static final long SEEN_MILLIS = 60_000;
  static final long SEEN_CONFIRMED_MILLIS = 3_600_000;
  private static final int SEEN_MAX = 200_000;

  private final S3Settings settings;
  private final S3Client s3;
  private final ExecutorService heads;
  /**
   * Blobs this process saw in the bucket lately (hash/size → until when): a client's
   * FindMissingBlobs and the StartScan that follows ask about the same thousands of blobs.
   * Garbage collection deletes only blobs unreferenced for days, so a minute's memory is safe, and
   * a tree scanned again and again is not asked about anew every minute (each use extends it, up
   * to an hour after a HEAD or our upload last confirmed the blob).
   */
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private LongSupplier clock = System::currentTimeMillis;

  /** When the bucket last confirmed a blob, and until when it is taken as present. */
  private record Seen(long confirmed, long until) {}

  private S3BlobStore(S3Settings settings, S3Client s3) {
    this.settings = settings;
    this.s3 = s3;
    var n = new AtomicInteger();
    this.heads = Executors.newFixedThreadPool(PARALLEL_HEADS, r -> {
      var t = new Thread(r, "s3-head-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Connects (creating the bucket when the settings say so) and checks that the bucket answers. */
  public static S3BlobStore open(S3Settings settings) {
    var store = new S3BlobStore(settings, S3Clients.create(settings));
    try {
      store.s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (S3Exception e) {
      if (settings.createBucket() && (e instanceof NoSuchBucketException || e.statusCode() == 404)) {
        try {
          store.s3.createBucket(b -> b.bucket(settings.bucket()));
          LOG.info("content store: created bucket {}", settings.bucket());
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException raced) {
          // another replica starting at the same time created it first
        }
      } else {
        store.close();
        throw new IllegalStateException("content store " + store.describe() + " is not usable: " + e.getMessage(), e);
      }
    } catch (SdkException e) {
      store.close();
      throw new IllegalStateException("content store " + store.describe() + " is not reachable: " + e.getMessage(), e);
    }
    return store;
  }

  S3Settings settings() {
    return settings;
  }

  S3Client client() {
    return s3;
  }

  String key(Digest digest) {
    Digests.validate(digest);
    String h = digest.getHash();
    return settings.prefix() + h.substring(0, 2) + "/" + h;
  }

  @Override
  public boolean contains(Digest digest) throws IOException {
    if (remembered(digest)) {
      return true;
    }
    try {
      boolean present = s3.headObject(b -> b.bucket(settings.bucket()).key(key(digest))).contentLength()
          == digest.getSizeBytes();
      if (present) {
        saw(digest);
      }
      return present;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw io("cannot check blob " + digest.getHash(), e);
    } catch (SdkException e) {
      throw io("cannot check blob " + digest.getHash(), e);
    }
  }

  /** HEADs the digests in parallel: a manifest of thousands of files is one round of requests. */
  @Override
  public List<Digest> missing(Collection<Digest> digests) throws IOException {
    var unique = new LinkedHashMap<String, Digest>();
    digests.forEach(d -> unique.putIfAbsent(d.getHash(), d));
    var checks = new ArrayList<CompletableFuture<Boolean>>();
    for (Digest d : unique.values()) {
      if (remembered(d)) {
        checks.add(CompletableFuture.completedFuture(true)); // no task on the HEAD pool
        continue;
      }
      checks.add(CompletableFuture.supplyAsync(() -> {
        try {
          return contains(d);
        } catch (IOException e) {
          throw new CompletionException(e);
        }
      }, heads));
    }
    var missing = new ArrayList<Digest>();
    int i = 0;
    for (Digest d : unique.values()) {
      try {
        if (!checks.get(i++).join()) {
          missing.add(d);
        }
      } catch (CompletionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
    }
    return missing;
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    try {
      var object = s3.getObject(b -> b.bucket(settings.bucket()).key(key(digest)));
      return new VerifyingInputStream(object, digest, describe());
    } catch (NoSuchKeyException e) {
      throw new NoSuchBlobException(digest);
    } catch (SdkException e) {
      throw io("cannot read blob " + digest.getHash(), e);
    }
  }

  @Override
  public BlobWriter writer(Digest digest) {
    Digests.validate(digest);
    return new S3Writer(this, digest);
  }

  @Override
  public void forEach(Consumer<StoredBlob> each) throws IOException {
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
          .contents()) {
        String name = o.key().substring(o.key().lastIndexOf('/') + 1);
        if (HASH.matcher(name).matches()) {
          each.accept(new StoredBlob(Digest.newBuilder().setHash(name).setSizeBytes(o.size()).build(),
              o.lastModified()));
        }
      }
    } catch (SdkException e) {
      throw io("cannot list the bucket", e);
    }
  }

  /** Remembers that the bucket holds this blob (after a HEAD, or our own upload). */
  void saw(Digest digest) {
    if (seen.size() > SEEN_MAX) {
      seen.clear();
    }
    long now = clock.getAsLong();
    seen.put(Digests.format(digest), new Seen(now, now + SEEN_MILLIS));
  }

  /** Whether this process saw the blob present lately; a use extends the memory ({@link #SEEN_MILLIS}). */
  private boolean remembered(Digest digest) {
    String key = Digests.format(digest);
    Seen s = seen.get(key);
    long now = clock.getAsLong();
    if (s == null || s.until() <= now) {
      return false;
    }
    long until = Math.min(now + SEEN_MILLIS, s.confirmed() + SEEN_CONFIRMED_MILLIS);
    if (until > s.until()) {
      seen.replace(key, s, new Seen(s.confirmed(), until));
    }
    return true;
  }

  /** The time the memory of seen blobs goes by (tests move it). */
  void clock(LongSupplier millis) {
    this.clock = millis;
  }

  @Override
  public boolean delete(Digest digest) throws IOException {
    seen.remove(Digests.format(digest));
    boolean present = contains(digest);
    try {
      s3.deleteObject(b -> b.bucket(settings.bucket()).key(key(digest)));
    } catch (SdkException e) {
      throw io("cannot delete blob " + digest.getHash(), e);
    } finally {
      seen.remove(Digests.format(digest));
    }
    return present;
  }

  @Override
  public void checkWritable() throws IOException {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (SdkException e) {
      throw io("bucket does not answer", e);
    }
  }

  @Override
  public String describe() {
    String where = settings.endpoint().isEmpty() ? "aws:" + settings.region() : settings.endpoint();
    return "s3 " + where + "/" + settings.bucket() + "/" + settings.prefix();
  }

  IOException io(String what, SdkException e) {
    return new IOException(what + " in " + describe() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    heads.shutdownNow();
    s3.close();
  }
}
