package dev.bulwark.sca.maven;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactProperties;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;

/** Between Maven's model and the resolver's graph: the request a project makes, and the graph flattened. */
final class Graphs {
  private Graphs() {}

  /**
   * The collect request Maven makes for a project: its dependencies and its dependencyManagement
   * as the effective model has them (types through the session's type registry, so a
   * {@code test-jar} is a jar with classifier {@code tests}), the project as root.
   */
  static CollectRequest request(Model model, ArtifactTypeRegistry types) {
    var collect = new CollectRequest();
    collect.setRootArtifact(new DefaultArtifact(model.getGroupId(), model.getArtifactId(), "", "pom", model.getVersion()));
    collect.setRequestContext("project");
    model.getDependencies().forEach(d -> collect.addDependency(dependency(d, types)));
    if (model.getDependencyManagement() != null) {
      model.getDependencyManagement().getDependencies().forEach(d -> collect.addManagedDependency(dependency(d, types)));
    }
    return collect;
  }

  static Dependency dependency(org.apache.maven.model.Dependency d, ArtifactTypeRegistry types) {
    ArtifactType type = types.get(d.getType());
    if (type == null) {
      type = new DefaultArtifactType(d.getType());
    }
    Map<String, String> props = new HashMap<>();
    if (d.getSystemPath() != null) {
      props.put(ArtifactProperties.LOCAL_PATH, d.getSystemPath());
    }
    String classifier = d.getClassifier() != null ? d.getClassifier() : type.getClassifier();
    Artifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), classifier, type.getExtension(),
        d.getVersion(), props, type);
    var exclusions = d.getExclusions().stream()
        .map(e -> new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*")).toList();
    return new Dependency(artifact, d.getScope(), d.isOptional(), exclusions);
  }

  /** groupId:artifactId → line of its declaration in the project's own pom (not inherited ones). */
  static Map<String, Integer> declarationLines(Model model) {
    var lines = new HashMap<String, Integer>();
    String self = model.getGroupId() + ":" + model.getArtifactId() + ":" + model.getVersion();
    for (var d : model.getDependencies()) {
      InputLocation at = d.getLocation("");
      if (at != null && at.getSource() != null && self.equals(at.getSource().getModelId())) {
        lines.putIfAbsent(d.getGroupId() + ":" + d.getArtifactId(), at.getLineNumber());
      }
    }
    return lines;
  }

  /**
   * Every node under the root, depth first, with the path that brought it in; the tree's own
   * modules are left out (they are not third-party packages) but what they bring is kept.
   */
  static List<ResolvedDependency> flatten(DependencyNode root, Map<String, Integer> lines, Reactor reactor) {
    var out = new ArrayList<ResolvedDependency>();
    if (root == null) {
      return out;
    }
    Deque<String> path = new ArrayDeque<>();
    walk(root, path, lines, reactor, out, 0);
    return out;
  }

  /**
   * Whether every node of the graph outside the tree is a released version, reached without a
   * version range: what a repository serves for those never changes.
   */
  static boolean released(DependencyNode node, Reactor reactor) {
    if (node == null) {
      return true;
    }
    for (DependencyNode child : node.getChildren()) {
      Dependency d = child.getDependency();
      if (d != null && !reactor.isModule(d.getArtifact().getGroupId(), d.getArtifact().getArtifactId())
          && (d.getArtifact().isSnapshot() || child.getVersionConstraint() != null
              && child.getVersionConstraint().getRange() != null)) {
        return false;
      }
      if (!released(child, reactor)) {
        return false;
      }
    }
    return true;
  }

  private static void walk(DependencyNode node, Deque<String> path, Map<String, Integer> lines, Reactor reactor,
      List<ResolvedDependency> out, int directLine) {
    for (DependencyNode child : node.getChildren()) {
      Dependency d = child.getDependency();
      if (d == null) {
        continue;
      }
      Artifact a = d.getArtifact();
      String coordinates = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion();
      int line = path.isEmpty() ? lines.getOrDefault(a.getGroupId() + ":" + a.getArtifactId(), 0) : directLine;
      path.addLast(coordinates);
      if (!reactor.isModule(a.getGroupId(), a.getArtifactId())) {
        out.add(new ResolvedDependency(a.getGroupId(), a.getArtifactId(), a.getVersion(), d.getScope(),
            d.isOptional(), List.copyOf(path), line));
      }
      walk(child, path, lines, reactor, out, line);
      path.removeLast();
    }
  }
}
