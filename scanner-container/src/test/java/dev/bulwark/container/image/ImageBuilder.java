package dev.bulwark.container.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Writes real {@code docker save} and OCI-layout image tarballs from layer tars, for tests. */
public final class ImageBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<byte[]> layers = new ArrayList<>();
  private boolean gzip;
  private List<String> claimedDiffIds;

  public ImageBuilder layer(byte[] tar) {
    layers.add(tar);
    return this;
  }

  /** Diff ids the config states instead of the layers' real digests (a forged image). */
  public ImageBuilder claimingDiffIds(List<String> diffIds) {
    claimedDiffIds = List.copyOf(diffIds);
    return this;
  }

  /** Compress the layers with gzip (as registries do). */
  public ImageBuilder gzipped() {
    gzip = true;
    return this;
  }

  public static String sha256(byte[] b) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] config() throws IOException {
    var diffIds = claimedDiffIds != null ? claimedDiffIds : layers.stream().map(ImageBuilder::sha256).toList();
    return JSON.writeValueAsBytes(Map.of("architecture", "amd64", "os", "linux",
        "rootfs", Map.of("type", "layers", "diff_ids", diffIds), "config", Map.of("Cmd", List.of("/bin/sh"))));
  }

  /** The legacy {@code docker save} layout: manifest.json, <id>.json, <id>/layer.tar. */
  public Path dockerSave(Path file) throws IOException {
    var tar = new TarBuilder();
    byte[] config = config();
    String configName = sha256(config).substring(7) + ".json";
    var layerPaths = new ArrayList<String>();
    for (int i = 0; i < layers.size(); i++) {
      byte[] blob = gzip ? TarBuilder.gzip(layers.get(i)) : layers.get(i);
      String path = "layer" + i + "/layer.tar";
      tar.dir("layer" + i).file(path, blob);
      layerPaths.add(path);
    }
    tar.file(configName, config);
    tar.file("manifest.json", JSON.writeValueAsBytes(List.of(Map.of("Config", configName,
        "RepoTags", List.of("test/app:1.0"), "Layers", layerPaths))));
    return Files.write(file, tar.build());
  }

  /** An OCI image layout: oci-layout, index.json → manifest → config and layer blobs. */
  public Path oci(Path file) throws IOException {
    var tar = new TarBuilder();
    tar.file("oci-layout", "{\"imageLayoutVersion\": \"1.0.0\"}");
    byte[] config = config();
    var layerDescriptors = new ArrayList<Map<String, Object>>();
    for (byte[] layer : layers) {
      byte[] blob = gzip ? TarBuilder.gzip(layer) : layer;
      tar.file("blobs/sha256/" + sha256(blob).substring(7), blob);
      layerDescriptors.add(Map.of("mediaType", gzip ? "application/vnd.oci.image.layer.v1.tar+gzip"
          : "application/vnd.oci.image.layer.v1.tar", "digest", sha256(blob), "size", blob.length));
    }
    tar.file("blobs/sha256/" + sha256(config).substring(7), config);
    byte[] manifest = JSON.writeValueAsBytes(Map.of("schemaVersion", 2,
        "mediaType", "application/vnd.oci.image.manifest.v1+json",
        "config", Map.of("mediaType", "application/vnd.oci.image.config.v1+json", "digest", sha256(config),
            "size", config.length), "layers", layerDescriptors));
    tar.file("blobs/sha256/" + sha256(manifest).substring(7), manifest);
    tar.file("index.json", JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "manifests", List.of(Map.of(
        "mediaType", "application/vnd.oci.image.manifest.v1+json", "digest", sha256(manifest),
        "size", manifest.length, "platform", Map.of("architecture", "amd64", "os", "linux"))))));
    return Files.write(file, tar.build());
  }
}
