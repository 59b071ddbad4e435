package dev.bulwark.sca.maven;

import java.util.List;

/**
 * One artifact of a resolved Maven dependency graph, after Maven's mediation (nearest wins),
 * management, exclusions and scope rules.
 *
 * @param groupId    as resolved
 * @param artifactId as resolved
 * @param version    the version Maven picked
 * @param scope      Maven's scope as {@code mvn dependency:list} prints it (compile, runtime, test, provided, system)
 * @param optional   declared optional
 * @param path       how it came in: "groupId:artifactId:version" of each artifact from the project's
 *                   direct dependency (first) to this one (last); one element for a direct dependency
 * @param line       line of the direct dependency's declaration in the project's pom, 0 when inherited
 */
public record ResolvedDependency(String groupId, String artifactId, String version, String scope, boolean optional,
    List<String> path, int line) {
  public ResolvedDependency {
    path = List.copyOf(path);
  }

  public boolean direct() {
    return path.size() == 1;
  }

  public String name() {
    return groupId + ":" + artifactId;
  }
}
