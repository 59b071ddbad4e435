package dev.bulwark.gateway.store;

import dev.bulwark.v1.Digest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.StartScanRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Scans in the shared database (PostgreSQL, or H2 embedded), through JDBI: any replica reads any
 * scan; the replica holding a scan's lease writes it, each write fenced by the lease's epoch.
 */
public final class ScanStore {
  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  private static final String COLUMNS = "scan_id, request_id, request, manifest_hash, manifest_size, content_store, "
      + "state, owner, epoch, lease_until, deadline_at, created_at, last_seq, result";

  private final Jdbi jdbi;
  /** Whether the database is PostgreSQL (then event writes notify listeners), asked once. */
  private volatile Boolean postgres;

  public ScanStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** True when the database is PostgreSQL: events are then announced by {@code NOTIFY} ({@link ScanNotifications}). */
  public boolean postgres() {
    if (postgres == null) {
      postgres = jdbi.withHandle(h -> {
        try {
          return h.getConnection().getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
          throw new org.jdbi.v3.core.ConnectionException(e);
        }
      }).toLowerCase(java.util.Locale.ROOT).contains("postgresql");
    }
    return postgres;
  }

  /** The database of the scans, for the other records kept beside them ({@link CallerRecords}). */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The store over a migrated schema. */
  public static ScanStore migrated(Jdbi jdbi, javax.sql.DataSource dataSource) {
    GatewaySchema.migrate(dataSource);
    return new ScanStore(jdbi);
  }

  /** What {@link #create} did: recorded this scan, or found the one an earlier call with its request id started. */
  public record Created(ScanRow scan, boolean existing) {}

  /**
   * Records a new scan, or answers the scan already recorded under the same request id (a
   * retried StartScan), whichever replica recorded it.
   */
  public Created create(NewScan s) {
    if (!s.requestId().isEmpty()) {
      var earlier = findByRequestId(s.requestId());
      if (earlier.isPresent()) {
        return new Created(earlier.get(), true);
      }
    }
    return insert(s);
  }

  /**
   * Records a new scan whose request id (if any) was not found a moment ago: as {@link #create}
   * after its look-up, still answering the scan of another replica that took the same retried
   * request in between.
   */
  public Created insert(NewScan s) {
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO gateway_scans (scan_id, request_id, project, request, "
              + "manifest_hash, manifest_size, content_store, state, owner, epoch, lease_until, deadline_at, "
              + "created_at, last_seq) VALUES (:id, :rid, :project, :request, :mh, :ms, :cs, 'RUNNING', :owner, 1, "
              + ":lease, :deadline, :created, 0)")
          .bind("id", s.scanId()).bind("rid", s.requestId().isEmpty() ? null : s.requestId())
          .bind("project", s.request().getContext().getProject()).bind("request", s.request().toByteArray())
          .bind("mh", s.manifest().getHash()).bind("ms", s.manifest().getSizeBytes())
          .bind("cs", s.contentStore()).bind("owner", s.owner())
          .bind("lease", s.leaseUntil().toEpochMilli()).bind("deadline", s.deadlineAt().toEpochMilli())
          .bind("created", s.createdAt().toEpochMilli()).execute());
    } catch (UnableToExecuteStatementException e) {
      // Two replicas took the same retried request at once: the other one's insert won.
      if (!s.requestId().isEmpty()) {
        var winner = findByRequestId(s.requestId());
        if (winner.isPresent()) {
          return new Created(winner.get(), true);
        }
      }
      throw e;
    }
    // The row as inserted (times at the database's millisecond precision), without reading it back.
    return new Created(new ScanRow(s.scanId(), s.requestId(), s.request(), s.manifest(), s.contentStore(), false,
        s.owner(), 1, millis(s.leaseUntil()), millis(s.deadlineAt()), millis(s.createdAt()), 0, Optional.empty()),
        false);
  }

  public Optional<ScanRow> find(String scanId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gateway_scans WHERE scan_id = :id")
        .bind("id", scanId).map((rs, ctx) -> row(rs)).findOne());
  }

  public Optional<ScanRow> findByRequestId(String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM gateway_scans WHERE request_id = :rid")
        .bind("rid", requestId).map((rs, ctx) -> row(rs)).findOne());
  }

  /**
   * Appends an event to the scan's log under the lease of {@code epoch}; returns its sequence.
   *
   * @throws LostLeaseException when the scan is done or another replica holds it now
   */
  public long append(String scanId, long epoch, ScanUpdate update) {
    return appendAll(scanId, epoch, List.of(update));
  }

  /**
   * Appends several events in one transaction (one commit instead of one each), in order;
   * returns the sequence of the last.
   *
   * @throws LostLeaseException when the scan is done or another replica holds it now
   */
  public long appendAll(String scanId, long epoch, List<ScanUpdate> updates) {
    return jdbi.inTransaction(h -> {
      long last = nextSequence(h, scanId, epoch, updates.size());
      long seq = last - updates.size();
      for (ScanUpdate u : updates) {
        insertEvent(h, scanId, ++seq, u);
      }
      return last;
    });
  }

  /**
   * Records what a scanner contributed and appends its event, in one transaction under the
   * lease of {@code epoch}: one commit where {@link #recordScanner} and {@link #append} take two.
   * Returns the event's sequence, or 0 when the scanner's result was already recorded (the event
   * is appended all the same).
   *
   * @throws LostLeaseException when the scan is done or another replica holds it now; the result
   *                            is then recorded as {@link #recordScanner} would (first one wins),
   *                            so the replica that took the scan over need not run the scanner again
   */
  public long recordScannerAndAppend(String scanId, long epoch, ScannerResult result, ScanUpdate update,
      Instant at) {
    try {
      return jdbi.inTransaction(h -> {
        long seq = nextSequence(h, scanId, epoch, 1);
        boolean recorded = insertResultIfAbsent(h, scanId, result, at);
        insertEvent(h, scanId, seq, update);
        return recorded ? seq : 0L;
      });
    } catch (LostLeaseException e) {
      recordScanner(scanId, result, at);
      throw e;
    } catch (UnableToExecuteStatementException raced) {
      // A replica that lost the scan recorded the same scanner in between: keep its result, still say ours.
      append(scanId, epoch, update);
      return 0L;
    }
  }

  /** Events after {@code afterSeq}, in order, with their sequence numbers set. */
  public List<ScanUpdate> events(String scanId, long afterSeq) {
    return jdbi.withHandle(h -> h.createQuery("SELECT seq, body FROM gateway_scan_events "
            + "WHERE scan_id = :id AND seq > :after ORDER BY seq")
        .bind("id", scanId).bind("after", afterSeq)
        .map((rs, ctx) -> Protos.one(rs.getBytes("body"), ScanUpdate.parser()).toBuilder()
            .setSequence(rs.getLong("seq")).build())
        .list());
  }

  /** The latest sequence number of each of these scans (absent: no such scan). */
  public Map<String, Long> lastSequences(Collection<String> scanIds) {
    if (scanIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(h -> {
      var out = new HashMap<String, Long>();
      h.createQuery("SELECT scan_id, last_seq FROM gateway_scans WHERE scan_id IN (<ids>)")
          .bindList("ids", List.copyOf(scanIds))
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }

  /**
   * Records what a scanner contributed, once per scan and scanner: a second record (a replica
   * that lost its lease finishing late) leaves the first in place. Returns true when recorded now.
   */
  public boolean recordScanner(String scanId, ScannerResult result, Instant at) {
    return jdbi.withHandle(h -> {
      try {
        return insertResultIfAbsent(h, scanId, result, at);
      } catch (UnableToExecuteStatementException raced) {
        return false;
      }
    });
  }

  private boolean insertResultIfAbsent(Handle h, String scanId, ScannerResult result, Instant at) {
    String insert = "INSERT INTO gateway_scanner_results (scan_id, scanner, report, findings, inventory, recorded_at) "
        + "VALUES (:id, :s, :r, :f, :i, :at)";
    if (postgres()) {
      insert += " ON CONFLICT (scan_id, scanner) DO NOTHING"; // one round trip, and no aborted transaction
    } else if (h.createQuery("SELECT COUNT(*) FROM gateway_scanner_results WHERE scan_id = :id AND scanner = :s")
        .bind("id", scanId).bind("s", result.scanner()).mapTo(Integer.class).one() > 0) {
      return false;
    }
    return h.createUpdate(insert)
        .bind("id", scanId).bind("s", result.scanner()).bind("r", result.report().toByteArray())
        .bind("f", Protos.list(result.findings())).bind("i", Protos.list(result.inventory()))
        .bind("at", at.toEpochMilli()).execute() == 1;
  }

  /** The scanners that reported for this scan, by name. */
  public Map<String, ScannerResult> scannerResults(String scanId) {
    return jdbi.withHandle(h -> {
      var out = new LinkedHashMap<String, ScannerResult>();
      h.createQuery("SELECT scanner, report, findings, inventory FROM gateway_scanner_results WHERE scan_id = :id")
          .bind("id", scanId)
          .map((rs, ctx) -> new ScannerResult(Protos.one(rs.getBytes("report"), ScannerReport.parser()),
              Protos.list(rs.getBytes("findings"), Finding.parser()),
              Protos.list(rs.getBytes("inventory"), Package.parser())))
          .forEach(r -> out.put(r.scanner(), r));
      return out;
    });
  }

  /**
   * Ends the scan with its one result (and the result as its last event), under the lease of
   * {@code epoch}. False when the scan was already done or another replica holds it: then the
   * result is dropped, so a scan never ends twice.
   */
  public boolean finish(String scanId, long epoch, ScanResult result, Instant at) {
    return finishAt(scanId, epoch, result, at) > 0;
  }

  /** As {@link #finish}, returning the result event's sequence, or 0 when the result was dropped. */
  public long finishAt(String scanId, long epoch, ScanResult result, Instant at) {
    try {
      return jdbi.inTransaction(h -> {
        // The scan's row ends in the same statement that numbers the result event.
        long seq = nextSequence(h, scanId, epoch, 1, ", state = 'DONE', result = :r, verdict = :v, finished_at = :at",
            Map.of("r", result.toByteArray(), "v", result.getDecision().getVerdict().name(), "at", at.toEpochMilli()));
        insertEvent(h, scanId, seq, ScanUpdate.newBuilder().setResult(result).build());
        return seq;
      });
    } catch (LostLeaseException e) {
      return 0L;
    }
  }

  /**
   * When the lease of a scan this replica coordinates ends, read without writing; empty when
   * the lease is lost (another epoch, another owner, or the scan is done).
   */
  public Optional<Instant> leaseUntil(String scanId, String owner, long epoch) {
    return jdbi.withHandle(h -> h.createQuery("SELECT lease_until FROM gateway_scans "
            + "WHERE scan_id = :id AND owner = :owner AND epoch = :e AND state = 'RUNNING'")
        .bind("id", scanId).bind("owner", owner).bind("e", epoch).mapTo(Long.class).findOne()
        .map(Instant::ofEpochMilli));
  }

  /** Extends the lease of a scan this replica coordinates; false when the lease is lost. */
  public boolean renew(String scanId, String owner, long epoch, Instant until) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE gateway_scans SET lease_until = :until "
            + "WHERE scan_id = :id AND owner = :owner AND epoch = :e AND state = 'RUNNING'")
        .bind("until", until.toEpochMilli()).bind("id", scanId).bind("owner", owner).bind("e", epoch)
        .execute()) == 1;
  }

  /** Running scans whose lease ended before {@code now}, oldest first. */
  public List<ExpiredLease> expired(Instant now, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT scan_id, owner, epoch, lease_until, deadline_at "
            + "FROM gateway_scans WHERE state = 'RUNNING' AND lease_until < :now ORDER BY lease_until")
        .bind("now", now.toEpochMilli()).setMaxRows(limit)
        .map((rs, ctx) -> new ExpiredLease(rs.getString(1), rs.getString(2), rs.getLong(3),
            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
        .list());
  }

  /**
   * Takes over an expired lease: succeeds for one replica only (the epoch it saw must still be
   * the scan's). Returns the new epoch.
   */
  public Optional<Long> claim(ExpiredLease lease, String owner, Instant now, Instant until) {
    int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE gateway_scans SET owner = :owner, epoch = epoch + 1, "
            + "lease_until = :until WHERE scan_id = :id AND epoch = :e AND state = 'RUNNING' AND lease_until < :now")
        .bind("owner", owner).bind("until", until.toEpochMilli()).bind("id", lease.scanId())
        .bind("e", lease.epoch()).bind("now", now.toEpochMilli()).execute());
    return updated == 1 ? Optional.of(lease.epoch() + 1) : Optional.empty();
  }

  /** Ends this replica's leases at once (a clean shutdown): the others take the scans over at their next look. */
  public int release(String owner) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE gateway_scans SET lease_until = 0 "
        + "WHERE owner = :owner AND state = 'RUNNING'").bind("owner", owner).execute());
  }

  /** Running scans per scanner that has not reported yet: the cluster's demand on each scanner. */
  public Map<String, Integer> pendingByScanner(List<String> scanners) {
    return jdbi.withHandle(h -> {
      var out = new LinkedHashMap<String, Integer>();
      for (String s : scanners) {
        out.put(s, h.createQuery("SELECT COUNT(*) FROM gateway_scans g WHERE g.state = 'RUNNING' AND NOT EXISTS "
                + "(SELECT 1 FROM gateway_scanner_results r WHERE r.scan_id = g.scan_id AND r.scanner = :s)")
            .bind("s", s).mapTo(Integer.class).one());
      }
      return out;
    });
  }

  public int running() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM gateway_scans WHERE state = 'RUNNING'")
        .mapTo(Integer.class).one());
  }

  /**
   * Deletes scans finished before {@code cutoff} with their events, results and starters; blob
   * grants older than the cutoff go too (a caller proves such a blob by uploading it again).
   * Returns how many scans.
   */
  public int deleteFinishedBefore(Instant cutoff) {
    return jdbi.inTransaction(h -> {
      var ids = h.createQuery("SELECT scan_id FROM gateway_scans WHERE state = 'DONE' AND finished_at < :c")
          .bind("c", cutoff.toEpochMilli()).mapTo(String.class).list();
      for (int i = 0; i < ids.size(); i += 500) {
        var batch = ids.subList(i, Math.min(ids.size(), i + 500));
        for (String table : List.of("gateway_scan_events", "gateway_scanner_results", "gateway_scan_starters",
            "gateway_scans")) {
          h.createUpdate("DELETE FROM " + table + " WHERE scan_id IN (<ids>)").bindList("ids", batch).execute();
        }
      }
      h.createUpdate("DELETE FROM gateway_blob_grants WHERE granted_at < :c").bind("c", cutoff.toEpochMilli()).execute();
      return ids.size();
    });
  }

  /** The manifest of every scan still held (running, or finished and not yet deleted). */
  public void forEachManifest(Consumer<Digest> each) {
    jdbi.useHandle(h -> h.createQuery("SELECT manifest_hash, manifest_size FROM gateway_scans")
        .map((rs, ctx) -> Digest.newBuilder().setHash(rs.getString(1)).setSizeBytes(rs.getLong(2)).build())
        .forEach(each));
  }

  /**
   * Reserves {@code n} sequence numbers under the lease of {@code epoch}; returns the last. On
   * PostgreSQL the same query announces them ({@code pg_notify}, sent when the transaction commits).
   */
  private long nextSequence(Handle h, String scanId, long epoch, int n) {
    return nextSequence(h, scanId, epoch, n, "", Map.of());
  }

  /** As above, setting more columns of the scan's row in the same statement ({@code alsoSet}, its binds). */
  private long nextSequence(Handle h, String scanId, long epoch, int n, String alsoSet, Map<String, Object> binds) {
    String update = "UPDATE gateway_scans SET last_seq = last_seq + :n" + alsoSet
        + " WHERE scan_id = :id AND epoch = :e AND state = 'RUNNING'";
    if (postgres()) { // one round trip: numbered and announced in the update itself
      return h.createQuery(update + " RETURNING last_seq, pg_notify('" + ScanNotifications.CHANNEL
              + "', scan_id || ':' || last_seq)")
          .bind("n", n).bind("id", scanId).bind("e", epoch).bindMap(binds)
          .map((rs, ctx) -> rs.getLong(1)).findOne().orElseThrow(() -> new LostLeaseException(scanId, epoch));
    }
    int updated = h.createUpdate(update).bind("n", n).bind("id", scanId).bind("e", epoch).bindMap(binds).execute();
    if (updated != 1) {
      throw new LostLeaseException(scanId, epoch);
    }
    return h.createQuery("SELECT last_seq FROM gateway_scans WHERE scan_id = :id").bind("id", scanId)
        .mapTo(Long.class).one();
  }

  private static void insertEvent(Handle h, String scanId, long seq, ScanUpdate update) {
    h.createUpdate("INSERT INTO gateway_scan_events (scan_id, seq, body) VALUES (:id, :seq, :body)")
        .bind("id", scanId).bind("seq", seq).bind("body", update.toBuilder().clearSequence().build().toByteArray())
        .execute();
  }

  private static Instant millis(Instant t) {
    return Instant.ofEpochMilli(t.toEpochMilli());
  }

  private static ScanRow row(ResultSet rs) throws SQLException {
    byte[] result = rs.getBytes("result");
    return new ScanRow(rs.getString("scan_id"), Optional.ofNullable(rs.getString("request_id")).orElse(""),
        Protos.one(rs.getBytes("request"), StartScanRequest.parser()),
        Digest.newBuilder().setHash(rs.getString("manifest_hash")).setSizeBytes(rs.getLong("manifest_size")).build(),
        rs.getString("content_store"), DONE.equals(rs.getString("state")), rs.getString("owner"), rs.getLong("epoch"),
        Instant.ofEpochMilli(rs.getLong("lease_until")), Instant.ofEpochMilli(rs.getLong("deadline_at")),
        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getLong("last_seq"),
        result == null ? Optional.empty() : Optional.of(Protos.one(result, ScanResult.parser())));
  }
}
