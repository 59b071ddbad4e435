package dev.bulwark.sca;

import dev.bulwark.server.scanner.AdvisoryScannerConfiguration;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** scanner-sca's YAML: the gRPC server, the content store, caches and the advisory database. */
public class ScaConfiguration extends AdvisoryScannerConfiguration {
  /** Where the advisory store lives. */
  @NotEmpty
  private String dataDir = "/tmp/bulwark/sca/data";
  /**
   * Resolve Maven projects from the local repository and the cache only (no remote repository);
   * local repository, mirrors and credentials come from the environment ({@code BULWARK_MAVEN_*}).
   */
  private boolean mavenOffline;

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

  @JsonProperty
  public boolean isMavenOffline() {
    return mavenOffline;
  }

  @JsonProperty
  public void setMavenOffline(boolean mavenOffline) {
    this.mavenOffline = mavenOffline;
  }
}
