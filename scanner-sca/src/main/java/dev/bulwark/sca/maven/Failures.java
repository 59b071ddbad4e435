package dev.bulwark.sca.maven;

import java.util.stream.Collectors;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;

/**
 * What could not be resolved, in one line a user can act on: which POM (the parent, an imported
 * BOM, a dependency's), and why: offline, the network, or missing from every repository asked.
 */
final class Failures {
  private Failures() {}

  /** The model of the project could not be built: the parents and BOMs it could not get, and why. */
  static java.util.List<String> ofModel(String pomPath, ModelBuildingException e, String offlineReason) {
    var out = new java.util.ArrayList<String>();
    for (ModelProblem p : e.getProblems()) {
      if (p.getSeverity() == ModelProblem.Severity.WARNING) {
        continue;
      }
      if (p.getException() instanceof UnresolvableModelException u) {
        String kind = p.getMessage().startsWith("Non-resolvable parent") ? "parent POM"
            : p.getMessage().startsWith("Non-resolvable import") ? "imported BOM" : "POM";
        out.add(pomPath + ": " + kind + " " + u.getGroupId() + ":" + u.getArtifactId() + ":" + u.getVersion()
            + " could not be resolved (" + reason(u, offlineReason) + "); only dependencies with literal versions are listed");
      } else {
        out.add(pomPath + ": Maven model: " + firstLine(p.getMessage()));
      }
    }
    if (out.isEmpty()) {
      out.add(pomPath + ": Maven model: " + firstLine(e.getMessage()));
    }
    return out.stream().distinct().collect(Collectors.toList());
  }

  /** A dependency's POM the collector could not read: its transitives are missing. */
  static String ofCollection(String manifestPath, Exception e, String offlineReason) {
    if (e instanceof ArtifactDescriptorException d) {
      var a = d.getResult().getRequest().getArtifact();
      return manifestPath + ": POM of " + a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()
          + " could not be resolved (" + reason(e, offlineReason) + "); its transitive dependencies are not listed";
    }
    return manifestPath + ": Maven resolution incomplete (" + reason(e, offlineReason) + "): " + firstLine(e.getMessage());
  }

  /** A dependency's POM Maven went on without: named, with the reason. */
  static String ofMissingPom(String manifestPath, org.eclipse.aether.RepositoryEvent event, String offlineReason) {
    var a = event.getArtifact();
    String why = event.getException() == null ? (offlineReason.isEmpty() ? "missing: not found in the repositories asked"
        : offlineReason + ": not in the local repository or Bulwark's cache") : reason(event.getException(), offlineReason);
    return manifestPath + ": POM of " + a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()
        + " could not be resolved (" + why + "); its transitive dependencies are not listed";
  }

  static boolean isNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArtifactTransferException && !(t instanceof ArtifactNotFoundException)
          && !(t.getCause() instanceof RepositoryOfflineException)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (isNetwork(s)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isNetwork(ModelBuildingException e) {
    return e.getProblems().stream().anyMatch(p -> p.getException() != null && isNetwork(p.getException()));
  }

  private static String reason(Throwable e, String offlineReason) {
    if (!offlineReason.isEmpty()) {
      return offlineReason + ": not in the local repository or Bulwark's cache";
    }
    if (isNetwork(e)) {
      return "network: " + deepest(e);
    }
    return "missing: not found in the repositories asked";
  }

  private static String deepest(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return firstLine(t.getClass().getSimpleName() + ": " + t.getMessage());
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
