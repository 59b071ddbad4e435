package dev.bulwark.gateway.auth;

import dev.bulwark.gateway.store.CallerRecords;
import dev.bulwark.server.auth.ResourceOwners;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who started which scan, for the access rules of {@code GetScan} and {@code WatchScan}: the
 * scan's project, and its starter (a caller with only the {@code scan} role may follow only its
 * own scans). Scans this replica did not see start are looked up in the shared {@link CallerRecords}
 * (another replica started them); without records, or for scans older than the records, the
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

  private final Optional<CallerRecords> records;

  public ScanOwners(Function<String, Optional<String>> projectOf) {
    this(projectOf, Optional.empty());
  }

  public ScanOwners(Function<String, Optional<String>> projectOf, Optional<CallerRecords> records) {
    this.projectOf = projectOf;
    this.records = records;
  }

  public void started(String scanId, String project, String principalId) {
    synchronized (owners) {
      owners.put(scanId, new Owner(project, principalId));
    }
    records.ifPresent(r -> r.started(scanId, principalId));
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
    String starter = records.flatMap(r -> r.starter(id)).orElse("");
    return projectOf.apply(id).map(project -> new Owner(project, starter));
  }
}
