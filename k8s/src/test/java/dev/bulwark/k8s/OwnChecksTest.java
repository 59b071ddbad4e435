package dev.bulwark.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.container.ContainerEngine;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What we ship must pass our own IaC checks: scanner-container's Kubernetes checks, over the real
 * gRPC scanner, on the manifests as kubectl would apply them (every overlay rendered) and on the
 * k8s/ folder as `bulwark scan k8s/` sends it.
 */
@DisplayName("k8s: the rendered base and every overlay pass Bulwark's own Kubernetes checks with no HIGH finding")
class OwnChecksTest {
  static final List<String> RENDERED = List.of("base", "overlays/example", "overlays/keda",
      "overlays/secret-verification");

  @Test
  void renderedManifestsHaveNoHighFinding(@TempDir Path dir) throws Exception {
    assumeTrue("true".equals(System.getenv("CI")) || Manifests.kubectlAvailable(), "kubectl is not installed");
    Path tree = Files.createDirectories(dir.resolve("rendered"));
    for (String folder : RENDERED) {
      Files.writeString(tree.resolve(folder.replace('/', '-') + ".yaml"), Manifests.render(folder).yaml());
    }
    try (var scanner = new ScannerHarness(ContainerEngine.create(Optional.empty()), dir.resolve("work"))) {
      var result = scanner.scan(tree);
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.summary().getFilesScanned()).isEqualTo(RENDERED.size());
      assertThat(high(result.findings())).as("HIGH or CRITICAL findings on what we ship").isEmpty();
    }
  }

  @Test
  void theK8sFolderAsScannedHasNoHighFinding(@TempDir Path dir) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("k8s"));
    for (String folder : List.of("base", "overlays/example", "overlays/keda", "overlays/secret-verification")) {
      Path from = Manifests.k8sDir().resolve(folder);
      Path to = Files.createDirectories(tree.resolve(folder));
      try (var files = Files.list(from)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    try (var scanner = new ScannerHarness(ContainerEngine.create(Optional.empty()), dir.resolve("work"))) {
      var result = scanner.scan(tree);
      assertThat(result.summary().getFilesScanned()).isGreaterThanOrEqualTo(10);
      assertThat(high(result.findings())).as("HIGH or CRITICAL findings on k8s/").isEmpty();
    }
  }

  private static List<String> high(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.getSeverity() == Severity.HIGH || f.getSeverity() == Severity.CRITICAL)
        .map(f -> f.getRuleId() + " at " + f.getLocation().getPath() + ":" + f.getLocation().getStartLine()).toList();
  }
}
