package dev.bulwark.sca.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;

/**
 * How the model builder finds the POMs a project names by coordinates (a parent not in the
 * tree, an imported BOM): through the repository system, so the reactor, the local repository,
 * the cache and the remotes are asked in Maven's order. Repositories a POM declares are added as
 * the model builder meets them, as Maven's own resolver does.
 */
final class RepositoryModelResolver implements ModelResolver {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  RepositoryModelResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = new ArrayList<>(repositories);
  }

  @Override
  public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
    String resolved = version;
    if (version.startsWith("[") || version.startsWith("(")) {
      resolved = highest(groupId, artifactId, version);
    }
    var request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "", "pom", resolved), repositories, null);
    try {
      return new FileModelSource(system.resolveArtifact(session, request).getArtifact().getPath().toFile());
    } catch (ArtifactResolutionException e) {
      throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, resolved, e);
    }
  }

  @Override
  public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
    return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
  }

  @Override
  public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
    return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
  }

  @Override
  public void addRepository(Repository repository) {
    addRepository(repository, false);
  }

  @Override
  public void addRepository(Repository repository, boolean replace) {
    RemoteRepository remote = MavenRepositories.remote(repository);
    for (int i = 0; i < repositories.size(); i++) {
      if (repositories.get(i).getId().equals(remote.getId())) {
        if (replace) {
          repositories.set(i, system.newResolutionRepositories(session, List.of(remote)).get(0));
        }
        return;
      }
    }
    repositories.addAll(system.newResolutionRepositories(session, List.of(remote)));
  }

  @Override
  public ModelResolver newCopy() {
    return new RepositoryModelResolver(system, session, repositories);
  }

  private String highest(String groupId, String artifactId, String range) throws UnresolvableModelException {
    try {
      var result = system.resolveVersionRange(session, new VersionRangeRequest(
          new DefaultArtifact(groupId, artifactId, "", "pom", range), repositories, null));
      if (result.getHighestVersion() == null) {
        throw new UnresolvableModelException("no version in range " + range, groupId, artifactId, range);
      }
      return result.getHighestVersion().toString();
    } catch (VersionRangeResolutionException e) {
      throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, range, e);
    }
  }
}
