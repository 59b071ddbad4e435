package dev.bulwark.common.grpc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a process's TLS material lives on disk, as cert-manager or a Kubernetes Secret mount
 * leaves it: PEM files that are re-read when they change (every {@code refresh}), so a rotated
 * certificate takes effect without a restart.
 *
 * @param cert    this process's certificate chain (PEM); empty for a client without a certificate
 * @param key     its private key (PEM, PKCS#8); set exactly when {@code cert} is
 * @param ca      the CA certificates (PEM) peers must chain to; empty trusts the system's CAs
 * @param refresh how often the files are checked for changes
 */
public record TlsFiles(Optional<Path> cert, Optional<Path> key, Optional<Path> ca, Duration refresh) {
  public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);

  public TlsFiles {
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("a TLS certificate needs its key and a key its certificate"
          + " (cert: " + cert.map(Path::toString).orElse("none") + ", key: " + key.map(Path::toString).orElse("none") + ")");
    }
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("TLS refresh period must be positive, got " + refresh);
    }
  }

  /** Certificate, key and CA, as a service has them for mutual TLS. */
  public static TlsFiles mutual(Path cert, Path key, Path ca, Duration refresh) {
    return new TlsFiles(Optional.of(cert), Optional.of(key), Optional.of(ca), refresh);
  }

  /** A client that only checks the server, against this CA (or the system's when empty). */
  public static TlsFiles trusting(Optional<Path> ca) {
    return new TlsFiles(Optional.empty(), Optional.empty(), ca, DEFAULT_REFRESH);
  }
}
