package dev.bulwark.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The rendered Kubernetes objects of a Kustomize folder under {@code k8s/}. */
record Manifests(String yaml, List<JsonNode> objects) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Path k8sDir() {
    return SharedFixtures.repoRoot().resolve("k8s");
  }

  static boolean kubectlAvailable() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
  }

  /** {@code kubectl kustomize DIR}: what {@code kubectl apply -k} would send. */
  static Manifests render(String folder) throws IOException, InterruptedException {
    var process = new ProcessBuilder("kubectl", "kustomize", k8sDir().resolve(folder).toString())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("kubectl kustomize " + folder + " failed:\n" + out);
    }
    return new Manifests(out, parse(out));
  }

  static List<JsonNode> parse(String yaml) throws IOException {
    var docs = new ArrayList<JsonNode>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  JsonNode named(String kind, String name) {
    return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().startsWith(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }
}
