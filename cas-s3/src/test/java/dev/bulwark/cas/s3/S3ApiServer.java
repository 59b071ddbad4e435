package dev.bulwark.cas.s3;

import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server for tests: s3proxy over an in-memory jclouds blob store, on a free
 * loopback port, with signature-checked credentials. Nothing is mocked: the SDK speaks HTTP to it.
 */
public final class S3ApiServer implements AutoCloseable {
  public static final String ACCESS_KEY = "bulwark-test";
  public static final String SECRET_KEY = "bulwark-test-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  private S3ApiServer(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
  }

  public static S3ApiServer start() throws Exception {
    var props = new Properties();
    var context = ContextBuilder.newBuilder("transient").overrides(props).build(BlobStoreContext.class);
    var proxy = S3Proxy.builder().blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
    return new S3ApiServer(proxy, context);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** Path-style settings for a bucket of this server, created on first use. */
  public S3Settings settings(String bucket) {
    return S3Settings.compatible(endpoint(), bucket, ACCESS_KEY, SECRET_KEY).withCreateBucket(true)
        .withPartSize(S3Settings.MIN_PART_BYTES);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
