package dev.bulwark.sca.maven;

import java.util.List;
import org.apache.maven.model.Repository;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;

/** Remote repositories as the resolver wants them: from POM declarations, settings mirrors and servers. */
final class MavenRepositories {
  private MavenRepositories() {}

  /** A POM's {@code <repository>}, with its release and snapshot policies. */
  static RemoteRepository remote(Repository r) {
    var b = new RemoteRepository.Builder(r.getId(), "default", r.getUrl());
    if (r.getReleases() != null) {
      b.setReleasePolicy(new RepositoryPolicy(r.getReleases().isEnabled(), RepositoryPolicy.UPDATE_POLICY_NEVER,
          RepositoryPolicy.CHECKSUM_POLICY_WARN));
    }
    if (r.getSnapshots() != null) {
      b.setSnapshotPolicy(new RepositoryPolicy(r.getSnapshots().isEnabled(), RepositoryPolicy.UPDATE_POLICY_DAILY,
          RepositoryPolicy.CHECKSUM_POLICY_WARN));
    }
    return b.build();
  }

  static RemoteRepository remote(MavenSettings.Remote r) {
    return new RemoteRepository.Builder(r.id(), "default", r.url()).build();
  }

  static List<RemoteRepository> remotes(List<MavenSettings.Remote> remotes) {
    return remotes.stream().map(MavenRepositories::remote).toList();
  }

  /** The settings' mirrors, matched by {@code <mirrorOf>} as Maven matches them. */
  static MirrorSelector mirrors(SettingsXml settings) {
    var selector = new DefaultMirrorSelector();
    for (SettingsXml.Mirror m : settings.mirrors()) {
      selector.add(m.id(), m.url(), "default", false, false, m.mirrorOf(), "*");
    }
    return selector;
  }

  /** Credentials by server id (a mirror's id, or a repository's); encrypted passwords are not used. */
  static AuthenticationSelector authentication(SettingsXml settings) {
    var selector = new DefaultAuthenticationSelector();
    for (SettingsXml.Server s : settings.servers().values()) {
      if (s.username().isEmpty() || s.password().startsWith("{")) {
        continue;
      }
      selector.add(s.id(), new AuthenticationBuilder().addUsername(s.username()).addPassword(s.password()).build());
    }
    return selector;
  }
}
