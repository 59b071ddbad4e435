package dev.bulwark.container.kubernetes;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.List;

/** Pod-level checks: host namespaces, hostPath volumes, a missing pod security context. */
public final class PodChecks extends WorkloadChecks {
  static final CheckSpec HOST_IPC = new CheckSpec("KSV-0008", "Access to host IPC namespace", Severity.HIGH,
      "Sharing the host's IPC namespace lets the pod read and write shared memory of host processes.",
      "Do not set 'spec.hostIPC' to true.");
  static final CheckSpec HOST_NETWORK = new CheckSpec("KSV-0009", "Access to host network", Severity.HIGH,
      "A pod on the host network sees all node traffic and can reach services bound to the node's loopback.",
      "Do not set 'spec.hostNetwork' to true.");
  static final CheckSpec HOST_PID = new CheckSpec("KSV-0010", "Access to host PID", Severity.HIGH,
      "Sharing the host's PID namespace lets the pod see and signal every process on the node.",
      "Do not set 'spec.hostPID' to true.");
  static final CheckSpec HOST_PATH = new CheckSpec("KSV-0023", "hostPath volumes mounted", Severity.MEDIUM,
      "hostPath volumes expose the node's file system to the pod; writable ones allow escaping to the node.",
      "Use emptyDir, configMap, secret or persistent volumes instead of hostPath.");
  static final CheckSpec DOCKER_SOCKET = new CheckSpec("KSV-0006", "hostPath volume mounted with docker.sock",
      Severity.HIGH, "The Docker socket gives full control of the node's container runtime, i.e. root on the node.",
      "Do not mount /var/run/docker.sock.");
  static final CheckSpec DEFAULT_CONTEXT = new CheckSpec("KSV-0118", "Default security context configured",
      Severity.HIGH, "Without a security context the pod runs with the runtime's defaults: root, all default capabilities.",
      "Set 'spec.securityContext' (runAsNonRoot, runAsUser, seccompProfile) for the pod.");

  @Override
  public String name() {
    return "kubernetes-pod";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(HOST_IPC, HOST_NETWORK, HOST_PID, HOST_PATH, DOCKER_SOCKET, DEFAULT_CONTEXT);
  }

  @Override
  void check(Workload w, List<CheckSpec.Hit> hits) {
    var spec = w.podSpec();
    String who = w.kind() + " '" + w.name() + "'";
    if (spec.bool("hostIPC").orElse(false)) {
      hits.add(hit(HOST_IPC, w, spec.lineOf("hostIPC"), who + " sets hostIPC: true"));
    }
    if (spec.bool("hostNetwork").orElse(false)) {
      hits.add(hit(HOST_NETWORK, w, spec.lineOf("hostNetwork"), who + " sets hostNetwork: true"));
    }
    if (spec.bool("hostPID").orElse(false)) {
      hits.add(hit(HOST_PID, w, spec.lineOf("hostPID"), who + " sets hostPID: true"));
    }
    for (var v : spec.list("volumes")) {
      if (v instanceof YamlNode.MapNode vol && vol.map("hostPath").isPresent()) {
        var hostPath = vol.map("hostPath").get();
        String path = hostPath.text("path").orElse("");
        int line = vol.lineOf("hostPath");
        hits.add(hit(HOST_PATH, w, line, who + " mounts the host path '" + path + "'"));
        if (path.endsWith("docker.sock")) {
          hits.add(hit(DOCKER_SOCKET, w, hostPath.lineOf("path"), who + " mounts the Docker socket " + path));
        }
      }
    }
    if (w.podSecurityContext().map(YamlNode.MapNode::isEmpty).orElse(true)) {
      int line = spec.entries().containsKey("securityContext") ? spec.lineOf("securityContext") : spec.line();
      hits.add(hit(DEFAULT_CONTEXT, w, line, who + " has no pod securityContext"));
    }
  }
}
