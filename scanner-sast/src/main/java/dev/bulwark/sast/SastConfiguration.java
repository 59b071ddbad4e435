package dev.bulwark.sast;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.GrpcServerFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** scanner-sast's YAML configuration: the gRPC server, the default content store, the blob cache. */
public class SastConfiguration extends Configuration {
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();
  @NotEmpty
  private String contentStore = "localhost:7070";
  @NotEmpty
  private String cacheDir = "/tmp/bulwark/sast-cache";

  public SastConfiguration() {
    grpc.setPort(7071);
  }

  @JsonProperty
  public GrpcServerFactory getGrpc() {
    return grpc;
  }

  @JsonProperty
  public void setGrpc(GrpcServerFactory grpc) {
    this.grpc = grpc;
  }

  /** Default content store (host:port) for tasks that name none. */
  @JsonProperty
  public String getContentStore() {
    return contentStore;
  }

  @JsonProperty
  public void setContentStore(String contentStore) {
    this.contentStore = contentStore;
  }

  /** Local cache of blobs fetched from the content store. */
  @JsonProperty
  public String getCacheDir() {
    return cacheDir;
  }

  @JsonProperty
  public void setCacheDir(String cacheDir) {
    this.cacheDir = cacheDir;
  }
}
