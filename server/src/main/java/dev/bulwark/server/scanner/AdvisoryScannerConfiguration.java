package dev.bulwark.server.scanner;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/**
 * The YAML of a scanner that matches against an OSV advisory store (scanner-sca, and
 * scanner-container for image packages): {@code advisories}, OSV exports (a folder of
 * per-ecosystem zips or JSON files, as {@code bulwark db update --source} reads) imported into the
 * scanner's store at start-up; empty when the store is filled by someone else.
 */
public abstract class AdvisoryScannerConfiguration extends ScannerConfiguration {
  @NotNull
  private String advisories = "";

  protected AdvisoryScannerConfiguration(int defaultGrpcPort, String defaultCacheDir) {
    super(defaultGrpcPort, defaultCacheDir);
  }

  @JsonProperty
  public String getAdvisories() {
    return advisories;
  }

  @JsonProperty
  public void setAdvisories(String advisories) {
    this.advisories = advisories == null ? "" : advisories;
  }
}
