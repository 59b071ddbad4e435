package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches blobs straight from a shared {@link BlobStore} (an S3 bucket), with no gateway in
 * between: several at once, since an object store answers each request with some latency.
 */
public final class StoreBlobSource implements BlobSource, AutoCloseable {
  private final BlobStore store;
  private final ExecutorService pool;

  public StoreBlobSource(BlobStore store, int parallelism) {
    this.store = store;
    var n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(parallelism, r -> {
      var t = new Thread(r, "blob-fetch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void fetchInto(Collection<Digest> digests, DiskBlobStore cache) throws IOException {
    var wanted = new LinkedHashMap<String, Digest>();
    digests.stream().filter(d -> !cache.contains(d)).forEach(d -> wanted.putIfAbsent(d.getHash(), d));
    if (wanted.size() == 1) {
      copy(wanted.values().iterator().next(), cache);
      return;
    }
    var copies = new ArrayList<CompletableFuture<Void>>();
    for (Digest d : wanted.values()) {
      copies.add(CompletableFuture.runAsync(() -> {
        try {
          copy(d, cache);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, pool));
    }
    try {
      CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  private void copy(Digest d, DiskBlobStore cache) throws IOException {
    try (InputStream in = store.open(d); BlobWriter w = cache.writer(d)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        w.write(buf, 0, n);
      }
      w.commit();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
