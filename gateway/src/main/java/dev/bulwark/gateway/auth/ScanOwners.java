package dev.bulwark.gateway.auth;

import dev.bulwark.server.auth.ResourceOwners;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who started which scan, for the access rules of {@code GetScan} and {@code WatchScan}: the
 * scan's project, and its starter (a caller with only the {@code scan} role may follow only its
 * own scans). Scans this gateway did not see start (e.g. after a restart) fall back to the
 * project {@code projectOf} finds, with no starter.
 */
public final class ScanOwners implements ResourceOwners {
  static final int MAX_SCANS = 100_000;

  private final Function<String, Optional<String>> projectOf;
  private final Map<String, Owner> owners = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Owner> eldest) {
      return size() > MAX_SCANS;
    }
  };

  public ScanOwners(Function<String, Optional<String>> projectOf) {
    this.projectOf = projectOf;
  }

  public void started(String scanId, String project, String principalId) {
    synchronized (owners) {
      owners.put(scanId, new Owner(project, principalId));
    }
  }

  @Override
  public Optional<Owner> owner(Kind kind, String id) {
    if (kind != Kind.SCAN) {
      return Optional.empty();
    }
    synchronized (owners) {
      Owner o = owners.get(id);
      if (o != null) {
        return Optional.of(o);
      }
    }
    return projectOf.apply(id).map(project -> new Owner(project, ""));
  }
}
