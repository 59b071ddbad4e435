package dev.bulwark.container.kubernetes;

import dev.bulwark.container.kubernetes.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the pod specs in parsed Kubernetes documents (also inside {@code kind: List}). */
public final class Workloads {
  private Workloads() {}

  public static List<Workload> find(List<YamlNode> documents, List<String> lines) {
    var out = new ArrayList<Workload>();
    for (var doc : documents) {
      collect(doc, lines, out);
    }
    return out;
  }

  private static void collect(YamlNode node, List<String> lines, List<Workload> out) {
    if (!(node instanceof MapNode obj)) {
      return;
    }
    String kind = obj.text("kind").orElse("");
    if (kind.equals("List")) {
      obj.list("items").forEach(item -> collect(item, lines, out));
      return;
    }
    podSpec(kind, obj).ifPresent(spec -> {
      String name = obj.map("metadata").flatMap(m -> m.text("name")).orElse("<unnamed>");
      var containers = new ArrayList<Workload.Container>();
      for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
        for (var c : spec.list(field)) {
          if (c instanceof MapNode cm) {
            containers.add(new Workload.Container(field, cm.text("name").orElse("<unnamed>"), cm));
          }
        }
      }
      out.add(new Workload(kind, name, spec, containers, lines));
    });
  }

  private static Optional<MapNode> podSpec(String kind, MapNode obj) {
    var spec = obj.map("spec");
    return switch (kind) {
      case "Pod" -> spec;
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
          spec.flatMap(s -> s.map("template")).flatMap(t -> t.map("spec"));
      case "CronJob" -> spec.flatMap(s -> s.map("jobTemplate")).flatMap(j -> j.map("spec"))
          .flatMap(s -> s.map("template")).flatMap(t -> t.map("spec"));
      case "PodTemplate" -> obj.map("template").flatMap(t -> t.map("spec"));
      default -> Optional.empty();
    };
  }
}
