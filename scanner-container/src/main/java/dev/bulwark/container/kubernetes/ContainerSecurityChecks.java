package dev.bulwark.container.kubernetes;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.container.kubernetes.YamlNode.MapNode;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Container security contexts against the Pod Security Standards (baseline and restricted):
 * privilege, escalation, users, root file system, capabilities, seccomp, host ports.
 */
public final class ContainerSecurityChecks extends WorkloadChecks {
  static final CheckSpec ESCALATION = new CheckSpec("KSV-0001", "Can elevate its own privileges", Severity.MEDIUM,
      "A process inside the container can gain more privileges than its parent (setuid binaries), up to root.",
      "Set 'containers[].securityContext.allowPrivilegeEscalation' to false.");
  static final CheckSpec DROP_ALL = new CheckSpec("KSV-0003", "Default capabilities not dropped", Severity.LOW,
      "Containers keep the runtime's default capabilities unless they drop them.",
      "Add 'ALL' to 'containers[].securityContext.capabilities.drop' and add back only what is needed.");
  static final CheckSpec SYS_ADMIN = new CheckSpec("KSV-0005", "SYS_ADMIN capability added", Severity.HIGH,
      "CAP_SYS_ADMIN is nearly equivalent to root on the node.",
      "Remove SYS_ADMIN from 'containers[].securityContext.capabilities.add'.");
  static final CheckSpec NON_ROOT = new CheckSpec("KSV-0012", "Runs as root user", Severity.MEDIUM,
      "Without runAsNonRoot: true the container may run as root, which makes a container escape far more damaging.",
      "Set 'securityContext.runAsNonRoot' to true (pod or container).");
  static final CheckSpec READ_ONLY_ROOT = new CheckSpec("KSV-0014", "Root file system is not read-only", Severity.HIGH,
      "A writable root file system lets an attacker drop and run tools inside the container.",
      "Set 'containers[].securityContext.readOnlyRootFilesystem' to true.");
  static final CheckSpec PRIVILEGED = new CheckSpec("KSV-0017", "Privileged container", Severity.HIGH,
      "A privileged container has all capabilities and access to every host device: root on the node.",
      "Set 'containers[].securityContext.privileged' to false.");
  static final CheckSpec LOW_UID = new CheckSpec("KSV-0020", "Runs with UID <= 10000", Severity.LOW,
      "UIDs at or below 10000 may collide with users of the host.",
      "Set 'securityContext.runAsUser' to a value above 10000.");
  static final CheckSpec EXTRA_CAPS = new CheckSpec("KSV-0022", "Non-default capabilities added", Severity.MEDIUM,
      "Capabilities beyond the Pod Security Standards baseline widen what a compromised container can do.",
      "Add only capabilities from the baseline set (e.g. NET_BIND_SERVICE).");
  static final CheckSpec HOST_PORT = new CheckSpec("KSV-0024", "Access to host ports", Severity.HIGH,
      "hostPort binds the node's port, bypassing network policies and limiting scheduling.",
      "Remove 'hostPort' from container ports; use a Service.");
  static final CheckSpec SECCOMP = new CheckSpec("KSV-0030", "Runtime/Default seccomp profile not set", Severity.LOW,
      "Without a seccomp profile every system call is allowed.",
      "Set 'securityContext.seccompProfile.type' to RuntimeDefault (pod or container).");
  static final CheckSpec ROOT_UID = new CheckSpec("KSV-0105", "Containers must not set runAsUser to 0", Severity.MEDIUM,
      "runAsUser: 0 runs the container as root explicitly.",
      "Set 'securityContext.runAsUser' to a non-zero UID above 10000.");
  static final CheckSpec UNCONFINED = new CheckSpec("KSV-0104", "Seccomp policies disabled", Severity.MEDIUM,
      "An Unconfined seccomp profile disables system-call filtering.",
      "Set 'seccompProfile.type' to RuntimeDefault or Localhost.");
  static final CheckSpec DEFAULT_CONTEXT = new CheckSpec("KSV-0118", "Default security context configured",
      Severity.HIGH, "Without a security context the container runs with the runtime's defaults.",
      "Set 'containers[].securityContext'.");
  private static final Set<String> BASELINE_CAPS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
      "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  @Override
  public String name() {
    return "kubernetes-security-context";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(ESCALATION, DROP_ALL, SYS_ADMIN, NON_ROOT, READ_ONLY_ROOT, PRIVILEGED, LOW_UID, EXTRA_CAPS,
        HOST_PORT, SECCOMP, ROOT_UID, UNCONFINED, DEFAULT_CONTEXT);
  }

  @Override
  void check(Workload w, List<CheckSpec.Hit> hits) {
    for (var c : w.containers()) {
      String who = c.describe(w);
      var sc = c.securityContext().orElse(new MapNode(c.node().line(), java.util.Map.of()));
      int at = c.node().line();
      if (sc.isEmpty()) {
        hits.add(hit(DEFAULT_CONTEXT, w, at, who + " has no securityContext"));
      }
      if (sc.bool("privileged").orElse(false)) {
        hits.add(hit(PRIVILEGED, w, sc.lineOf("privileged"), who + " is privileged"));
      }
      if (!sc.text("allowPrivilegeEscalation").map("false"::equalsIgnoreCase).orElse(false)) {
        int line = sc.entries().containsKey("allowPrivilegeEscalation") ? sc.lineOf("allowPrivilegeEscalation") : at;
        hits.add(hit(ESCALATION, w, line, who + " should set securityContext.allowPrivilegeEscalation to false"));
      }
      if (!sc.bool("readOnlyRootFilesystem").orElse(false)) {
        int line = sc.entries().containsKey("readOnlyRootFilesystem") ? sc.lineOf("readOnlyRootFilesystem") : at;
        hits.add(hit(READ_ONLY_ROOT, w, line, who + " should set securityContext.readOnlyRootFilesystem to true"));
      }
      var nonRoot = w.effective(c, "runAsNonRoot");
      if (!nonRoot.flatMap(Workload.Located::text).map("true"::equalsIgnoreCase).orElse(false)) {
        hits.add(hit(NON_ROOT, w, nonRoot.map(Workload.Located::line).orElse(at),
            who + " should set securityContext.runAsNonRoot to true"));
      }
      var uid = w.effective(c, "runAsUser");
      long user = uid.flatMap(Workload.Located::text).map(ContainerSecurityChecks::number).orElse(-1L);
      if (user == 0) {
        hits.add(hit(ROOT_UID, w, uid.get().line(), who + " sets runAsUser: 0 (root)"));
      }
      if (user <= 10000) {
        hits.add(hit(LOW_UID, w, uid.map(Workload.Located::line).orElse(at),
            who + (user < 0 ? " does not set runAsUser" : " runs as UID " + user)));
      }
      capabilities(w, c, sc, who, at, hits);
      var seccomp = w.effective(c, "seccompProfile");
      String type = seccomp.map(Workload.Located::value).filter(MapNode.class::isInstance)
          .flatMap(n -> ((MapNode) n).text("type")).orElse("");
      if (type.equals("Unconfined")) {
        hits.add(hit(UNCONFINED, w, seccomp.get().line(), who + " uses an Unconfined seccomp profile"));
      } else if (!type.equals("RuntimeDefault") && !type.equals("Localhost")) {
        hits.add(hit(SECCOMP, w, seccomp.map(Workload.Located::line).orElse(at),
            who + " should set securityContext.seccompProfile.type to RuntimeDefault"));
      }
      for (var p : c.node().list("ports")) {
        if (p instanceof MapNode port && port.text("hostPort").isPresent()) {
          hits.add(hit(HOST_PORT, w, port.lineOf("hostPort"), who + " binds host port " + port.text("hostPort").get()));
        }
      }
    }
  }

  private static void capabilities(Workload w, Workload.Container c, MapNode sc, String who, int at,
      List<CheckSpec.Hit> hits) {
    var caps = sc.map("capabilities");
    boolean dropsAll = caps.map(m -> m.list("drop")).orElse(List.of()).stream()
        .anyMatch(n -> n instanceof YamlNode.Scalar s && "ALL".equalsIgnoreCase(s.value()));
    if (!dropsAll) {
      hits.add(hit(DROP_ALL, w, caps.map(m -> sc.lineOf("capabilities")).orElse(at),
          who + " should add 'ALL' to securityContext.capabilities.drop"));
    }
    for (var n : caps.map(m -> m.list("add")).orElse(List.of())) {
      if (n instanceof YamlNode.Scalar s && s.value() != null) {
        String cap = s.value().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
        if (cap.equals("SYS_ADMIN")) {
          hits.add(hit(SYS_ADMIN, w, s.line(), who + " adds SYS_ADMIN"));
        } else if (!BASELINE_CAPS.contains(cap)) {
          hits.add(hit(EXTRA_CAPS, w, s.line(), who + " adds the capability " + cap));
        }
      }
    }
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
