package dev.bulwark.common.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live TLS key and trust managers of {@link TlsFiles}: grpc-java's
 * {@link AdvancedTlsX509KeyManager} and {@link AdvancedTlsX509TrustManager}, updated from the
 * files whenever their modification time or size changes, so new connections use a rotated
 * certificate at once (open connections keep theirs). One daemon thread watches the files of
 * every process.
 */
public final class TlsMaterial implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
  private static final ScheduledExecutorService RELOADER = Executors.newSingleThreadScheduledExecutor(r -> {
    var t = new Thread(r, "bulwark-tls-reload");
    t.setDaemon(true);
    return t;
  });

  private final TlsFiles files;
  private final Optional<AdvancedTlsX509KeyManager> keyManager;
  private final AdvancedTlsX509TrustManager trustManager;
  private final List<AutoCloseable> watches = new ArrayList<>();
  private long identityStamp = Long.MIN_VALUE;
  private long trustStamp = Long.MIN_VALUE;
  private volatile String lastProblem;

  private TlsMaterial(TlsFiles files, boolean verifyHostname) throws IOException, GeneralSecurityException {
    this.files = files;
    keyManager = files.cert().map(c -> new AdvancedTlsX509KeyManager());
    trustManager = AdvancedTlsX509TrustManager.newBuilder().setVerification(verifyHostname
        ? AdvancedTlsX509TrustManager.Verification.CERTIFICATE_AND_HOST_NAME_VERIFICATION
        : AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION).build();
    if (files.ca().isEmpty()) {
      trustManager.useSystemDefaultTrustCerts();
    }
    reload();
    long period = files.refresh().toMillis();
    var task = RELOADER.scheduleWithFixedDelay(this::reloadQuietly, period, period, TimeUnit.MILLISECONDS);
    watches.add(() -> task.cancel(false));
  }

  /**
   * Re-reads the files whose modification time changed. (grpc-util's own file watching will not
   * check more often than once a minute; ours honours {@code refresh}, which tests set low.)
   */
  private synchronized void reload() throws IOException, GeneralSecurityException {
    if (keyManager.isPresent()) {
      long stamp = stamp(files.cert().get()) ^ (stamp(files.key().get()) * 31);
      if (stamp != identityStamp) {
        keyManager.get().updateIdentityCredentials(files.cert().get().toFile(), files.key().get().toFile());
        identityStamp = stamp;
      }
    }
    if (files.ca().isPresent()) {
      long stamp = stamp(files.ca().get());
      if (stamp != trustStamp) {
        trustManager.updateTrustCredentials(files.ca().get().toFile());
        trustStamp = stamp;
      }
    }
  }

  private void reloadQuietly() {
    try {
      reload();
      lastProblem = null;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // A half-written rotation is read again on the next tick; until then the previous material serves.
      // Told once per problem, not on every tick.
      if (!e.toString().equals(lastProblem)) {
        lastProblem = e.toString();
        LOG.warn("TLS files {} not reloaded (keeping the previous ones): {}", describe(files), e.toString());
      }
    }
  }

  private static long stamp(Path file) throws IOException {
    return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
  }

  /**
   * Reads the files now (failing with a message naming them when they are missing or not PEM)
   * and keeps watching them.
   */
  public static TlsMaterial load(TlsFiles files) {
    return load(files, true);
  }

  /**
   * Pinned to one certificate (or CA) without checking the host name: for a process's calls to
   * itself over loopback, whose certificate names the public host, not 127.0.0.1.
   */
  public static TlsMaterial pinned(Path certificateOrCa) {
    return load(TlsFiles.trusting(Optional.of(certificateOrCa)), false);
  }

  /**
   * @param verifyHostname false for calls between services under a private CA, where the chain to
   *                       that CA is what identifies the peer (the gateway names its content store
   *                       by pod IP, which no certificate lists)
   */
  public static TlsMaterial load(TlsFiles files, boolean verifyHostname) {
    try {
      return new TlsMaterial(files, verifyHostname);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS files " + describe(files) + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("bad TLS files " + describe(files) + ": " + e, e);
    }
  }

  public TlsFiles files() {
    return files;
  }

  /** This process's certificate and key, when it has them. */
  public Optional<AdvancedTlsX509KeyManager> keyManager() {
    return keyManager;
  }

  public AdvancedTlsX509TrustManager trustManager() {
    return trustManager;
  }

  /** Credentials for a client channel: checks the server against the CA, presents our certificate if any. */
  public ChannelCredentials channelCredentials() {
    var b = TlsChannelCredentials.newBuilder().trustManager(trustManager);
    keyManager.ifPresent(b::keyManager);
    return b.build();
  }

  /** Stops watching the files. */
  @Override
  public void close() {
    for (AutoCloseable w : watches) {
      try {
        w.close();
      } catch (Exception ignored) {
        // a reload task that cannot be cancelled dies with the process
      }
    }
  }

  private static String describe(TlsFiles f) {
    return "(cert " + f.cert().map(Object::toString).orElse("none") + ", key " + f.key().map(Object::toString).orElse("none")
        + ", ca " + f.ca().map(Object::toString).orElse("system") + ")";
  }
}
