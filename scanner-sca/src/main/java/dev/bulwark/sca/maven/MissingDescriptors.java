package dev.bulwark.sca.maven;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;

/**
 * The POMs of dependencies the collector could not read: Maven carries on without them (the
 * dependency is kept, its own dependencies are lost) and only logs a warning; Bulwark names them.
 */
final class MissingDescriptors extends AbstractRepositoryListener {
  private final List<RepositoryEvent> events = new ArrayList<>();
  private boolean network;

  @Override
  public synchronized void artifactDescriptorMissing(RepositoryEvent event) {
    events.add(event);
    network |= event.getException() != null && Failures.isNetwork(event.getException());
  }

  @Override
  public synchronized void artifactDescriptorInvalid(RepositoryEvent event) {
    events.add(event);
  }

  synchronized void clear() {
    events.clear();
    network = false;
  }

  /** The events since the last call, each artifact once. */
  synchronized List<RepositoryEvent> drain() {
    var out = new ArrayList<RepositoryEvent>();
    var seen = new java.util.HashSet<String>();
    for (RepositoryEvent e : events) {
      if (seen.add(e.getArtifact().toString())) {
        out.add(e);
      }
    }
    events.clear();
    return out;
  }

  synchronized boolean sawNetworkFailure() {
    return network;
  }
}
