package dev.bulwark.sca;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.GrpcServerFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** scanner-sca's YAML: the gRPC server, the content store, caches and the advisory database. */
public class ScaConfiguration extends Configuration {
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();
  /** Default content store (host:port) when a task names none. */
  @NotEmpty
  private String contentStore = "localhost:7070";
  /** Local cache of blobs fetched from the content store. */
  @NotEmpty
  private String cacheDir = "/tmp/bulwark/sca/cache";
  /** OSV data to import at start (a folder of per-ecosystem zips); empty: use what dataDir holds. */
  private String advisories = "";
  /** Where the advisory store lives. */
  @NotEmpty
  private String dataDir = "/tmp/bulwark/sca/data";

  @JsonProperty
  public GrpcServerFactory getGrpc() {
    return grpc;
  }

  @JsonProperty
  public void setGrpc(GrpcServerFactory grpc) {
    this.grpc = grpc;
  }

  @JsonProperty
  public String getContentStore() {
    return contentStore;
  }

  @JsonProperty
  public void setContentStore(String contentStore) {
    this.contentStore = contentStore;
  }

  @JsonProperty
  public String getCacheDir() {
    return cacheDir;
  }

  @JsonProperty
  public void setCacheDir(String cacheDir) {
    this.cacheDir = cacheDir;
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
