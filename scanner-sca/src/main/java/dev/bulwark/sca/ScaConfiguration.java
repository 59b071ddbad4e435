package dev.bulwark.sca;

import dev.bulwark.server.scanner.AdvisoryScannerConfiguration;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** scanner-sca's YAML: the gRPC server, the content store, caches and the advisory database. */
public class ScaConfiguration extends AdvisoryScannerConfiguration {
  /** Where the advisory store lives. */
  @NotEmpty
  private String dataDir = "/tmp/bulwark/sca/data";

  public ScaConfiguration() {
    super(7072, "/tmp/bulwark/sca/cache");
  }

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }
}
