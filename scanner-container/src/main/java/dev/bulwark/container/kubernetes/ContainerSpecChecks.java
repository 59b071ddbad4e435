package dev.bulwark.container.kubernetes;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.container.dockerfile.ImageReference;
import dev.bulwark.container.kubernetes.YamlNode.MapNode;
import dev.bulwark.v1.Severity;
import java.util.List;

/** Image tags and resource requests/limits of each container. */
public final class ContainerSpecChecks extends WorkloadChecks {
  static final CheckSpec CPU_LIMIT = new CheckSpec("KSV-0011", "CPU not limited", Severity.LOW,
      "Without a CPU limit one container can starve the others on its node.", "Set 'resources.limits.cpu'.");
  static final CheckSpec LATEST = new CheckSpec("KSV-0013", "Image tag ':latest' used", Severity.MEDIUM,
      "An untagged or ':latest' image changes without review and cannot be rolled back reliably.",
      "Use a specific image tag, ideally with a digest.");
  static final CheckSpec CPU_REQUEST = new CheckSpec("KSV-0015", "CPU requests not specified", Severity.LOW,
      "Without a CPU request the scheduler cannot place the pod sensibly.", "Set 'resources.requests.cpu'.");
  static final CheckSpec MEMORY_REQUEST = new CheckSpec("KSV-0016", "Memory requests not specified", Severity.LOW,
      "Without a memory request the scheduler cannot place the pod sensibly.", "Set 'resources.requests.memory'.");
  static final CheckSpec MEMORY_LIMIT = new CheckSpec("KSV-0018", "Memory not limited", Severity.LOW,
      "Without a memory limit one container can exhaust its node's memory.", "Set 'resources.limits.memory'.");

  @Override
  public String name() {
    return "kubernetes-container-spec";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(CPU_LIMIT, LATEST, CPU_REQUEST, MEMORY_REQUEST, MEMORY_LIMIT);
  }

  @Override
  void check(Workload w, List<CheckSpec.Hit> hits) {
    for (var c : w.containers()) {
      String who = c.describe(w);
      int at = c.node().line();
      c.node().text("image").ifPresent(image -> {
        if (!image.contains("$") && ImageReference.parse(image).floating()) {
          hits.add(hit(LATEST, w, c.node().lineOf("image"), who + " uses the image '" + image + "'"));
        }
      });
      if (c.field().equals("ephemeralContainers")) {
        continue; // ephemeral containers cannot have resources
      }
      var resources = c.node().map("resources");
      int resLine = resources.isPresent() ? c.node().lineOf("resources") : at;
      var limits = resources.flatMap(r -> r.map("limits"));
      var requests = resources.flatMap(r -> r.map("requests"));
      require(limits, "cpu", CPU_LIMIT, w, resLine, who + " has no CPU limit", hits);
      require(limits, "memory", MEMORY_LIMIT, w, resLine, who + " has no memory limit", hits);
      require(requests, "cpu", CPU_REQUEST, w, resLine, who + " has no CPU request", hits);
      require(requests, "memory", MEMORY_REQUEST, w, resLine, who + " has no memory request", hits);
    }
  }

  private static void require(java.util.Optional<MapNode> block, String key, CheckSpec spec, Workload w, int line,
      String message, List<CheckSpec.Hit> hits) {
    if (block.flatMap(b -> b.text(key)).filter(v -> !v.isBlank()).isEmpty()) {
      hits.add(hit(spec, w, line, message));
    }
  }
}
