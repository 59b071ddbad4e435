package dev.bulwark.sca;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.scanner.ScannerConfiguration;
import jakarta.validation.constraints.NotEmpty;

/** scanner-sca's YAML: the gRPC server, the content store, caches and the advisory database. */
public class ScaConfiguration extends ScannerConfiguration {
  /** OSV data to import at start (a folder of per-ecosystem zips); empty: use what dataDir holds. */
  private String advisories = "";
  /** Where the advisory store lives. */
  @NotEmpty
  private String dataDir = "/tmp/bulwark/sca/data";

  public ScaConfiguration() {
    super(7072, "/tmp/bulwark/sca/cache");
  }

  @JsonProperty
  public String getAdvisories() {
    return advisories;
  }

  @JsonProperty
  public void setAdvisories(String advisories) {
    this.advisories = advisories == null ? "" : advisories;
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
