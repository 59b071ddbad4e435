package dev.bulwark.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.server.scanner.AdvisoryScannerConfiguration;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The container scanner's YAML configuration (see {@code scanner-container/config.yml}). */
public class ContainerConfiguration extends AdvisoryScannerConfiguration {
  /** Path of the trivy executable; empty means: look on the PATH. */
  private String trivy = "";
  /** auto, native, trivy or both. */
  @NotEmpty
  private String engine = "auto";
  @NotNull
  private Duration trivyTimeout = Duration.minutes(5);
  /**
   * The SCA scanner's advisory store ({@code dataDir} of scanner-sca, filled by
   * {@code bulwark db update}); image packages are matched against it. {@code advisories}, when
   * set, is imported into it at start-up (each pod in Kubernetes has its own store).
   */
  @NotEmpty
  private String advisoryDir = "/tmp/bulwark/sca/data";
  /** Bound on the image layer cache under the cache directory; least recently used layers are evicted. */
  @NotNull
  private DataSize layerCacheMaxSize = DataSize.gibibytes(2);

  public ContainerConfiguration() {
    super(7073, "/tmp/bulwark/container-cache");
  }

  @JsonProperty
  public String getAdvisoryDir() {
    return advisoryDir;
  }

  @JsonProperty
  public void setAdvisoryDir(String advisoryDir) {
    this.advisoryDir = advisoryDir;
  }

  @JsonProperty
  public String getTrivy() {
    return trivy;
  }

  @JsonProperty
  public void setTrivy(String trivy) {
    this.trivy = trivy == null ? "" : trivy;
  }

  @JsonProperty
  public String getEngine() {
    return engine;
  }

  @JsonProperty
  public void setEngine(String engine) {
    this.engine = engine;
  }

  @JsonProperty
  public Duration getTrivyTimeout() {
    return trivyTimeout;
  }

  @JsonProperty
  public void setTrivyTimeout(Duration trivyTimeout) {
    this.trivyTimeout = trivyTimeout;
  }

  @JsonProperty
  public DataSize getLayerCacheMaxSize() {
    return layerCacheMaxSize;
  }

  @JsonProperty
  public void setLayerCacheMaxSize(DataSize layerCacheMaxSize) {
    this.layerCacheMaxSize = layerCacheMaxSize;
  }
}
