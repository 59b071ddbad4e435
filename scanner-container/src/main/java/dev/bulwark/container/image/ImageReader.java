package dev.bulwark.container.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.artifacts.EmbeddedPackageDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads a {@code docker save} tarball or an OCI image layout (as a tar): finds the manifest and
 * config, applies the layers in order with whiteouts ({@code .wh.name}, {@code .wh..wh..opq})
 * into a {@link LayeredFileSystem}, keeping the content of the files {@code capture} accepts.
 * Entries that would escape the root (absolute or ".." names, symlinks or hard links pointing
 * outside) and archives that exceed the {@link ImageLimits} raise {@link HostileImageException}.
 * Each layer is read by {@link LayerTarReader}, or taken from the {@link LayerCache} when it was
 * read before; either way its {@link LayerChanges} are applied by the same code.
 */
public final class ImageReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OCI_BLOB = Pattern.compile("blobs/[a-z0-9]+/[a-f0-9]{32,128}");

  /** Called after each layer is applied, with the captured paths that layer wrote. */
  @FunctionalInterface
  public interface LayerListener {
    void layerApplied(String layerDigest, List<String> capturedPaths, LayeredFileSystem fs);
  }

  /**
   * The image as read.
   *
   * @param layers layer identities (diff ids from the config when known), bottom first
   */
  public record Image(String format, String configDigest, List<String> layers, LayeredFileSystem fs) {}

  private final ImageLimits limits;
  private final Predicate<String> capture;
  private final LayerCache cache;
  private final String cacheVersion;
  private final LayerTarReader layerReader;

  /** A reader without a layer cache. */
  public ImageReader(ImageLimits limits, Predicate<String> capture) {
    this(limits, capture, LayerCache.none(), "");
  }

  /**
   * @param cache        where layers read before are kept
   * @param cacheVersion what decides the captured set (the analyzers' versions): part of every cache key
   */
  public ImageReader(ImageLimits limits, Predicate<String> capture, LayerCache cache, String cacheVersion) {
    this(limits, capture, List.of(), cache, cacheVersion);
  }

  /**
   * @param embedded databases that other regular files are streamed through (Java archives, Go
   *                 executables); their records are kept as those files' content
   */
  public ImageReader(ImageLimits limits, Predicate<String> capture, List<EmbeddedPackageDatabase> embedded,
      LayerCache cache, String cacheVersion) {
    this.limits = limits;
    this.capture = capture;
    this.cache = cache;
    this.cacheVersion = "reader-" + LayerTarReader.FORMAT_VERSION + "/" + cacheVersion;
    this.layerReader = new LayerTarReader(limits, capture, embedded);
  }

  public Image read(Path archive, LayerListener listener) throws IOException, HostileImageException {
    try (var tar = new TarFile(archive.toFile())) {
      var entries = new HashMap<String, TarArchiveEntry>();
      for (var e : tar.getEntries()) {
        Paths.normalise(e.getName()).ifPresent(n -> entries.putIfAbsent(n, e));
      }
      Layout layout = entries.containsKey("manifest.json") ? dockerSave(tar, entries) : oci(tar, entries);
      if (layout.layerPaths().size() > limits.maxLayers()) {
        throw new HostileImageException("image has " + layout.layerPaths().size() + " layers, more than the limit of "
            + limits.maxLayers());
      }
      var fs = new LayeredFileSystem();
      var budget = new ReadBudget(limits);
      for (int i = 0; i < layout.layerPaths().size(); i++) {
        String path = layout.layerPaths().get(i);
        var entry = entries.get(path);
        if (entry == null) {
          throw new IOException("layer " + path + " listed in the manifest is missing from the archive");
        }
        String digest = i < layout.diffIds().size() ? layout.diffIds().get(i) : "sha256:" + path.replaceAll(".*/", "");
        // Only a real digest may key the cache: a docker save without diff ids names its layers "<id>/layer.tar".
        boolean identified = i < layout.diffIds().size() || OCI_BLOB.matcher(path).matches();
        String key = LayerCache.key(digest, entry.getSize(), cacheVersion);
        var cached = identified ? cache.load(key) : Optional.<LayerChanges>empty();
        LayerChanges changes;
        if (cached.isPresent()) {
          changes = cached.get();
          replay(changes, path, budget);
        } else {
          var digests = new LayerDigests();
          changes = layerReader.read(tar.getInputStream(entry), path, budget, digests);
          if (identified && digests.matches(digest)) {
            cache.store(key, changes);
          }
        }
        var captured = apply(changes, digest, fs);
        listener.layerApplied(digest, captured, fs);
      }
      return new Image(layout.format(), layout.configDigest(), layout.diffIds().isEmpty()
          ? layout.layerPaths() : layout.diffIds(), fs);
    }
  }

  private record Layout(String format, String configDigest, List<String> layerPaths, List<String> diffIds) {}

  private Layout dockerSave(TarFile tar, Map<String, TarArchiveEntry> entries) throws IOException {
    JsonNode manifest = json(tar, entries, "manifest.json");
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new IOException("manifest.json lists no image");
    }
    JsonNode image = manifest.get(0);
    String configPath = Paths.normalise(image.path("Config").asText("")).orElse("");
    var layers = new ArrayList<String>();
    for (JsonNode l : image.path("Layers")) {
      layers.add(Paths.normalise(l.asText()).orElseThrow(() -> new IOException("layer path escapes the archive")));
    }
    return new Layout("docker-archive", configPath, layers, diffIds(json(tar, entries, configPath)));
  }

  private Layout oci(TarFile tar, Map<String, TarArchiveEntry> entries) throws IOException {
    if (!entries.containsKey("index.json")) {
      throw new IOException("neither a docker save archive (manifest.json) nor an OCI image layout (index.json)");
    }
    JsonNode node = json(tar, entries, "index.json");
    // An index may point at another index (multi-platform): follow it, preferring linux/amd64.
    for (int depth = 0; depth < 4 && node.has("manifests"); depth++) {
      JsonNode chosen = null;
      for (JsonNode m : node.path("manifests")) {
        if (chosen == null || "amd64".equals(m.path("platform").path("architecture").asText())) {
          chosen = m;
        }
      }
      if (chosen == null) {
        throw new IOException("OCI index lists no manifest");
      }
      node = json(tar, entries, blob(chosen.path("digest").asText()));
    }
    String config = node.path("config").path("digest").asText("");
    var layers = new ArrayList<String>();
    node.path("layers").forEach(l -> layers.add(blob(l.path("digest").asText())));
    return new Layout("oci", config, layers, config.isEmpty() ? List.of() : diffIds(json(tar, entries, blob(config))));
  }

  private static List<String> diffIds(JsonNode config) {
    var ids = new ArrayList<String>();
    config.path("rootfs").path("diff_ids").forEach(d -> ids.add(d.asText()));
    return ids;
  }

  private static String blob(String digest) {
    String[] parts = digest.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("[a-z0-9]+") || !parts[1].matches("[a-f0-9]{32,128}")) {
      throw new IllegalArgumentException("malformed digest '" + digest + "'");
    }
    return "blobs/" + parts[0] + "/" + parts[1];
  }

  private JsonNode json(TarFile tar, Map<String, TarArchiveEntry> entries, String name) throws IOException {
    var e = entries.get(name);
    if (e == null) {
      throw new IOException(name + " is missing from the archive");
    }
    if (e.getSize() > 16 * 1024 * 1024) {
      throw new IOException(name + " is too large for image metadata");
    }
    try (var in = tar.getInputStream(e)) {
      return JSON.readTree(in);
    }
  }

  /** Charges a cached layer to the budget as if it had been read, and re-checks its captured sizes. */
  private void replay(LayerChanges layer, String layerPath, ReadBudget budget) throws IOException, HostileImageException {
    budget.entries(layer.entries(), layerPath);
    try {
      budget.bytes(layer.uncompressedBytes(), layer.compressedBytes(), layerPath);
    } catch (ReadBudget.LimitExceeded e) {
      throw new HostileImageException(e.getMessage());
    }
    budget.layerDone(layer.uncompressedBytes());
    for (var c : layer.changes()) {
      if (c.kind() == LayerChanges.Kind.NODE && c.content() != null && c.content().length > limits.maxCapturedFileBytes()) {
        throw new IOException(c.path() + " is larger than " + limits.maxCapturedFileBytes() + " bytes");
      }
    }
  }

  /** Applies one layer's changes on top of the tree; returns the captured paths it wrote. */
  private List<String> apply(LayerChanges layer, String digest, LayeredFileSystem fs) {
    // Nodes first, against the tree as the lower layers left it: a hard link shares the content of
    // its target, found earlier in this layer or else below.
    var nodes = new ArrayList<LayeredFileSystem.Node>(layer.changes().size());
    var ownNodes = new HashMap<String, LayeredFileSystem.Node>();
    for (var c : layer.changes()) {
      LayeredFileSystem.Node node = switch (c.kind()) {
        case WHITEOUT, OPAQUE -> null;
        case NODE -> new LayeredFileSystem.Node(c.type(), digest, c.linkTarget(), c.content());
        case HARDLINK -> {
          var source = ownNodes.containsKey(c.linkTarget()) ? ownNodes.get(c.linkTarget())
              : fs.node(c.linkTarget()).orElse(null);
          byte[] content = source != null && capture.test(c.path()) ? source.content() : null;
          yield new LayeredFileSystem.Node(LayeredFileSystem.Type.FILE, digest, null, content);
        }
      };
      nodes.add(node);
      if (node != null) {
        ownNodes.put(c.path(), node);
      }
    }
    // Whiteouts hide what lower layers wrote; this layer's own entries go on top.
    for (var c : layer.changes()) {
      if (c.kind() == LayerChanges.Kind.OPAQUE) {
        fs.removeChildren(c.path());
      } else if (c.kind() == LayerChanges.Kind.WHITEOUT) {
        fs.remove(c.path());
      }
    }
    var captured = new ArrayList<String>();
    for (int i = 0; i < nodes.size(); i++) {
      var node = nodes.get(i);
      if (node == null) {
        continue;
      }
      String path = layer.changes().get(i).path();
      var existing = fs.node(path).orElse(null);
      boolean isDir = node.type() == LayeredFileSystem.Type.DIRECTORY;
      boolean dirExists = existing != null && existing.type() == LayeredFileSystem.Type.DIRECTORY;
      if (!(isDir && dirExists)) {
        fs.removeChildren(path); // a file replacing a directory hides the whole subtree
        fs.put(path, node);
      }
      if (node.content() != null) {
        captured.add(path);
      }
    }
    return captured;
  }
}
