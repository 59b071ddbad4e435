package dev.bulwark.sast;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.server.scanner.ScannerConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * scanner-sast's YAML configuration: the gRPC server, the default content store, the blob cache,
 * and whether found secrets may be verified with their providers ({@code secretVerification}).
 */
public class SastConfiguration extends ScannerConfiguration {
  @Valid
  @NotNull
  private SecretVerificationConfig secretVerification = new SecretVerificationConfig();

  public SastConfiguration() {
    super(7071, "/tmp/bulwark/sast-cache");
  }

  @JsonProperty
  public SecretVerificationConfig getSecretVerification() {
    return secretVerification;
  }

  @JsonProperty
  public void setSecretVerification(SecretVerificationConfig secretVerification) {
    this.secretVerification = secretVerification;
  }
}
