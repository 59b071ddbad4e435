package dev.bulwark.container.bench;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.dockerfile.DockerfileAnalyzer;
import dev.bulwark.container.eol.EndOfLifeTable;
import dev.bulwark.container.image.ImageAnalyzer;
import dev.bulwark.container.image.ImageBuilder;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.TarBuilder;
import dev.bulwark.container.kubernetes.KubernetesAnalyzer;
import dev.bulwark.container.terraform.TerraformAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Throughput of the native analyzers on generated inputs (run by bench/container/run.sh, not by
 * the test suite): Dockerfile, Kubernetes and Terraform files per second, and image layers read
 * per second.
 */
public final class ContainerBenchmark {
  private ContainerBenchmark() {}

  public static void main(String[] args) throws Exception {
    var dockerfile = new DockerfileAnalyzer(EndOfLifeTable.bundled(TestResources.CLOCK));
    String df = "FROM node:14\n" + "RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n".repeat(200)
        + "USER node\n";
    time("dockerfile (600 lines)", 2000, () -> dockerfile.analyze("Dockerfile", df).size());

    var k8s = new KubernetesAnalyzer();
    String manifest = String.join("---\n", java.util.Collections.nCopies(50,
        TestResources.text("kubernetes/secure-deployment.yaml")));
    time("kubernetes (50 documents)", 200, () -> k8s.analyze("deploy.yaml", manifest).size());

    var tf = new TerraformAnalyzer();
    String module = TestResources.text("terraform/AVD-AWS-0057.pos.tf").repeat(100);
    time("terraform (3000 lines)", 200, () -> tf.analyze("main.tf", module).size());

    Path dir = Files.createTempDirectory("bulwark-bench");
    var builder = new ImageBuilder().gzipped();
    for (int layer = 0; layer < 5; layer++) {
      var tar = new TarBuilder();
      for (int i = 0; i < 2000; i++) {
        tar.file("usr/share/doc/pkg" + layer + "-" + i + "/copyright", "x".repeat(2048));
      }
      builder.layer(tar.build());
    }
    Path image = builder.dockerSave(dir.resolve("image.tar"));
    var images = new ImageAnalyzer(ImageLimits.defaults());
    time("image (5 gzip layers, 10000 files, " + Files.size(image) / 1024 + " KiB)", 20,
        () -> images.analyze(image, "image.tar").packages().size());
  }

  private static void time(String what, int runs, Callable<Integer> task) throws Exception {
    for (int i = 0; i < Math.max(1, runs / 10); i++) {
      task.call(); // warm-up
    }
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      task.call();
    }
    double ms = (System.nanoTime() - start) / 1e6 / runs;
    System.out.printf("%-55s %8.3f ms/op%n", what, ms);
  }
}
