package dev.bulwark.container.kubernetes;

import dev.bulwark.container.kubernetes.YamlNode.MapNode;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes object that runs pods, reduced to what the checks need.
 *
 * @param kind       "Deployment", "Pod", "CronJob", ...
 * @param name       metadata.name
 * @param podSpec    the pod template's spec
 * @param containers containers, initContainers and ephemeralContainers, in that order
 * @param lines      the original file, for snippets
 */
public record Workload(String kind, String name, MapNode podSpec, List<Container> containers, List<String> lines) {

  /**
   * One container of the pod.
   *
   * @param field "containers", "initContainers" or "ephemeralContainers"
   */
  public record Container(String field, String name, MapNode node) {
    public Optional<MapNode> securityContext() {
      return node.map("securityContext");
    }

    public String describe(Workload w) {
      return (field.equals("containers") ? "Container '" : "Init container '") + name + "' of " + w.kind()
          + " '" + w.name() + "'";
    }
  }

  public Optional<MapNode> podSecurityContext() {
    return podSpec.map("securityContext");
  }

  /** The source line, stripped, for a finding's snippet. */
  public String snippet(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
  }

  /**
   * A security-context field as the container sees it: its own value, else the pod's (only for
   * the fields Kubernetes inherits: runAsUser, runAsGroup, runAsNonRoot, seccompProfile, ...).
   */
  public Optional<Located> effective(Container c, String field) {
    var own = c.securityContext().flatMap(sc -> sc.get(field).map(v -> new Located(v, sc.lineOf(field))));
    if (own.isPresent()) {
      return own;
    }
    return podSecurityContext().flatMap(sc -> sc.get(field).map(v -> new Located(v, sc.lineOf(field))));
  }

  /** A value and the line of its key. */
  public record Located(YamlNode value, int line) {
    public Optional<String> text() {
      return value instanceof YamlNode.Scalar s && s.value() != null ? Optional.of(s.value()) : Optional.empty();
    }
  }
}
