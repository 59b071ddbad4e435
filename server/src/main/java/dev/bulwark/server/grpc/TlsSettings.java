package dev.bulwark.server.grpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.TlsFiles;
import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code grpc.tls:} block: PEM files as a Kubernetes Secret (cert-manager) mounts them. The
 * certificate serves both sides: as server certificate, and as client certificate when this
 * service calls another (its subject CN is the service's name: "gateway", "scanner-sca", ...).
 * Empty {@code cert}: plain text.
 */
public class TlsSettings {
  /** This service's certificate chain (PEM), e.g. /etc/bulwark/tls/tls.crt. */
  @JsonProperty
  public String cert = "";
  /** Its private key (PEM, PKCS#8), e.g. /etc/bulwark/tls/tls.key. */
  @JsonProperty
  public String key = "";
  /** CA certificates (PEM) that peers' certificates must chain to, e.g. /etc/bulwark/tls/ca.crt. */
  @JsonProperty
  public String ca = "";
  /**
   * Whether this service, calling another, checks that the other's certificate names the host it
   * dialled. Off by default: services trust one private CA, and the gateway names its content store
   * by pod IP, which no certificate lists.
   */
  @JsonProperty
  public boolean verifyHostname = false;
  /** How often the files are checked for a rotated certificate. */
  @JsonProperty
  public Duration refresh = Duration.minutes(1);

  public boolean enabled() {
    return cert != null && !cert.isBlank();
  }

  public TlsFiles files() {
    if (key == null || key.isBlank() || ca == null || ca.isBlank()) {
      throw new IllegalArgumentException("grpc.tls needs cert, key and ca (BULWARK_TLS_CERT, BULWARK_TLS_KEY,"
          + " BULWARK_TLS_CA)");
    }
    return new TlsFiles(Optional.of(Path.of(cert.strip())), Optional.of(Path.of(key.strip())),
        Optional.of(Path.of(ca.strip())), refresh.toJavaDuration());
  }
}
