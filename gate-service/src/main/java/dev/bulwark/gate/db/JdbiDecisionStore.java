package dev.bulwark.gate.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.gate.core.AssessedFinding;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.gate.core.DecisionStore;
import dev.bulwark.gate.core.CentralPolicyStore;
import dev.bulwark.gate.core.SuppressionStore;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The gate's record in a SQL database through JDBI: scans, their findings, decisions and the
 * suppressions each decision considered, break-glass overrides, central suppressions
 * ({@link JdbiSuppressionStore}). Works on H2 and PostgreSQL (schema in
 * {@code db/migration}, applied by {@link Migrations}).
 */
public final class JdbiDecisionStore implements DecisionStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DECISION_COLUMNS = "scan_id, project, branch, commit_id, verdict, risk_score, reasons, "
      + "policy_version, requested_by, decided_at, overridden, override_justification, override_identity, policies";
  private final Jdbi jdbi;
  private final SuppressionStore suppressions;
  private final CentralPolicyStore policies;

  /** Wraps a Jdbi whose schema is already migrated (see {@link #migrated(Jdbi)}). */
  public JdbiDecisionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.suppressions = new JdbiSuppressionStore(jdbi);
    this.policies = new JdbiCentralPolicyStore(jdbi);
  }

  /** Applies pending migrations, then wraps the Jdbi. */
  public static JdbiDecisionStore migrated(Jdbi jdbi) {
    Migrations.migrate(jdbi);
    return new JdbiDecisionStore(jdbi);
  }

  @Override
  public List<Finding> baselineFindings(String scanId, ScanContext c, String baselineBranch) {
    return jdbi.withHandle(h -> {
      Optional<Long> base;
      if (baselineBranch.isEmpty()) {
        Optional<Long> self = h.createQuery("SELECT id FROM scans WHERE scan_id = :s").bind("s", scanId)
            .mapTo(Long.class).findOne();
        base = h.createQuery("SELECT MAX(id) FROM scans WHERE project = :p AND branch = :b AND id < :self")
            .bind("p", c.getProject()).bind("b", c.getBranch()).bind("self", self.orElse(Long.MAX_VALUE))
            .mapTo(Long.class).findOne();
      } else {
        base = h.createQuery("SELECT MAX(id) FROM scans WHERE project = :p AND branch = :b AND scan_id <> :s")
            .bind("p", c.getProject()).bind("b", baselineBranch).bind("s", scanId).mapTo(Long.class).findOne();
      }
      if (base.isEmpty() || base.get() == null) {
        return List.<Finding>of();
      }
      return h.createQuery("SELECT finding FROM findings WHERE scan_pk = :id ORDER BY id").bind("id", base.get())
          .map((rs, ctx) -> finding(rs.getBytes(1))).list();
    });
  }

  @Override
  public Optional<StoredDecision> latestDecision(String scanId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + DECISION_COLUMNS + ", scanner_statuses, inputs_digest "
            + "FROM decisions WHERE scan_id = :s ORDER BY id DESC LIMIT 1").bind("s", scanId)
        .map((rs, ctx) -> new StoredDecision(decision(rs), statuses(rs.getString("scanner_statuses")),
            rs.getString("inputs_digest")))
        .findOne());
  }

  @Override
  public void recordOverride(Decision o) {
    int rows = jdbi.withHandle(h -> h.createUpdate("INSERT INTO decisions (scan_pk, scan_id, project, branch, "
            + "commit_id, verdict, risk_score, reasons, policy_version, scanner_statuses, inputs_digest, requested_by, "
            + "decided_at, overridden, override_justification, override_identity, policies) "
            + "SELECT scan_pk, scan_id, project, branch, commit_id, :v, risk_score, :reasons, policy_version, "
            + "scanner_statuses, inputs_digest, requested_by, :at, TRUE, :j, :i, policies FROM decisions "
            + "WHERE id = (SELECT MAX(id) FROM decisions WHERE scan_id = :s)")
        .bind("v", o.getVerdict().name()).bind("reasons", json(o.getReasonsList()))
        .bind("at", Timestamp.from(Instant.parse(o.getDecidedAt()))).bind("j", o.getOverrideJustification())
        .bind("i", o.getOverrideIdentity()).bind("s", o.getScanId()).execute());
    if (rows != 1) {
      throw new IllegalStateException("no decision of scan " + o.getScanId() + " to override");
    }
  }

  @Override
  public SuppressionStore suppressions() {
    return suppressions;
  }

  @Override
  public CentralPolicyStore policies() {
    return policies;
  }

  @Override
  public void record(Evaluation e) {
    var d = e.decision();
    var c = d.getContext();
    var at = Timestamp.from(Instant.parse(d.getDecidedAt()));
    jdbi.useTransaction(h -> {
      long scanPk = upsertScan(h, d.getScanId(), c, at);
      var batch = h.prepareBatch("INSERT INTO findings (scan_pk, fingerprint, scanner, rule_id, severity, status, "
          + "risk_score, factors, suppression, finding) VALUES (:scan, :fp, :scanner, :rule, :sev, :status, :risk, "
          + ":factors, :suppression, :finding)");
      for (AssessedFinding a : e.findings()) {
        var f = a.finding();
        batch.bind("scan", scanPk).bind("fp", f.getFingerprint()).bind("scanner", f.getScanner())
            .bind("rule", f.getRuleId()).bind("sev", f.getSeverity().name()).bind("status", a.status().name())
            .bind("risk", a.risk().score()).bind("factors", json(a.risk().factors()))
            .bind("suppression", a.suppressedBy().map(s -> s.describe()).orElse(null))
            .bind("finding", f.toByteArray()).add();
      }
      if (!e.findings().isEmpty()) {
        batch.execute();
      }
      var statuses = e.scannerStatuses();
      long decisionPk = h.createUpdate("INSERT INTO decisions (scan_pk, scan_id, project, branch, commit_id, verdict, "
              + "risk_score, reasons, policy_version, scanner_statuses, inputs_digest, requested_by, decided_at, "
              + "policies) VALUES (:scan, :sid, :p, :b, :c, :v, :risk, :reasons, :pv, :ss, :digest, :by, :at, :pols)")
          .bind("scan", scanPk).bind("sid", d.getScanId()).bind("p", c.getProject()).bind("b", c.getBranch())
          .bind("c", c.getCommit()).bind("v", d.getVerdict().name()).bind("risk", d.getRiskScore())
          .bind("reasons", json(d.getReasonsList())).bind("pv", d.getPolicyVersion()).bind("ss", json(statuses))
          .bind("digest", e.inputsDigest()).bind("by", c.getRequestedBy()).bind("at", at)
          .bind("pols", json(d.getPoliciesList().stream().map(JdbiDecisionStore::layer).toList()))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      for (var s : e.suppressions()) {
        long matched = e.findings().stream().filter(a -> a.suppressedBy().filter(s::equals).isPresent()).count();
        h.createUpdate("INSERT INTO suppressions (decision_pk, state, description, reason, expires, matched) "
                + "VALUES (:d, 'APPLIED', :desc, :reason, :exp, :m)")
            .bind("d", decisionPk).bind("desc", s.describe()).bind("reason", s.reason())
            .bind("exp", s.expires()).bind("m", (int) matched).execute();
      }
      for (String ignored : e.ignored()) {
        h.createUpdate("INSERT INTO suppressions (decision_pk, state, description, matched) VALUES (:d, 'IGNORED', :desc, 0)")
            .bind("d", decisionPk).bind("desc", ignored).execute();
      }
    });
  }

  private static long upsertScan(Handle h, String scanId, ScanContext c, Timestamp at) {
    Optional<Long> existing = h.createQuery("SELECT id FROM scans WHERE scan_id = :s").bind("s", scanId)
        .mapTo(Long.class).findOne();
    if (existing.isPresent()) {
      // Re-evaluating a scan (a retried call) replaces its findings and context; decisions accumulate.
      h.createUpdate("DELETE FROM findings WHERE scan_pk = :id").bind("id", existing.get()).execute();
      h.createUpdate("UPDATE scans SET project = :p, branch = :b, commit_id = :c, requested_by = :by WHERE id = :id")
          .bind("p", c.getProject()).bind("b", c.getBranch()).bind("c", c.getCommit())
          .bind("by", c.getRequestedBy()).bind("id", existing.get()).execute();
      return existing.get();
    }
    return h.createUpdate("INSERT INTO scans (scan_id, project, branch, commit_id, requested_by, created_at) "
            + "VALUES (:s, :p, :b, :c, :by, :at)")
        .bind("s", scanId).bind("p", c.getProject()).bind("b", c.getBranch()).bind("c", c.getCommit())
        .bind("by", c.getRequestedBy()).bind("at", at)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  @Override
  public DecisionPage listDecisions(DecisionQuery q) {
    var where = new ArrayList<String>();
    if (!q.project().isEmpty()) {
      where.add("project = :p");
    }
    if (!q.branch().isEmpty()) {
      where.add("branch = :b");
    }
    if (q.beforeId() > 0) {
      where.add("id < :before");
    }
    String sql = "SELECT id, " + DECISION_COLUMNS + " FROM decisions"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT :limit";
    return jdbi.withHandle(h -> {
      // One row more than asked tells whether another page follows.
      var q2 = h.createQuery(sql).bind("limit", q.limit() + 1);
      if (!q.project().isEmpty()) {
        q2.bind("p", q.project());
      }
      if (!q.branch().isEmpty()) {
        q2.bind("b", q.branch());
      }
      if (q.beforeId() > 0) {
        q2.bind("before", q.beforeId());
      }
      var rows = q2.map((rs, ctx) -> Map.entry(rs.getLong("id"), decision(rs))).list();
      boolean more = rows.size() > q.limit();
      var page = rows.subList(0, Math.min(rows.size(), q.limit()));
      return new DecisionPage(page.stream().map(Map.Entry::getValue).toList(),
          more && !page.isEmpty() ? page.get(page.size() - 1).getKey() : 0);
    });
  }

  /** Stored finding rows of a scan (status by fingerprint), for audits and tests. */
  public Map<String, String> findingStatuses(String scanId) {
    return jdbi.withHandle(h -> {
      var out = new LinkedHashMap<String, String>();
      h.createQuery("SELECT f.fingerprint, f.status FROM findings f JOIN scans s ON s.id = f.scan_pk "
              + "WHERE s.scan_id = :s ORDER BY f.id")
          .bind("s", scanId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(en -> out.put(en.getKey(), en.getValue()));
      return out;
    });
  }

  private static Decision decision(ResultSet rs) throws SQLException {
    List<String> reasons;
    try {
      reasons = JSON.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      reasons = List.of("(stored reasons unreadable: " + e.getOriginalMessage() + ")");
    }
    return Decision.newBuilder()
        .setScanId(rs.getString("scan_id"))
        .setVerdict(Verdict.valueOf(rs.getString("verdict")))
        .setRiskScore(rs.getInt("risk_score"))
        .addAllReasons(reasons)
        .setDecidedAt(DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("decided_at").toInstant()))
        .setContext(ScanContext.newBuilder().setProject(rs.getString("project")).setBranch(rs.getString("branch"))
            .setCommit(rs.getString("commit_id")).setRequestedBy(rs.getString("requested_by")))
        .setPolicyVersion(rs.getString("policy_version"))
        .setOverridden(rs.getBoolean("overridden"))
        .setOverrideJustification(Objects.requireNonNullElse(rs.getString("override_justification"), ""))
        .setOverrideIdentity(Objects.requireNonNullElse(rs.getString("override_identity"), ""))
        .addAllPolicies(layers(rs.getString("policies")))
        .build();
  }

  private static List<String> layer(AppliedPolicy p) {
    return List.of(p.getLayer(), p.getSource(), p.getVersion());
  }

  /** Stored as [[layer, source, version], ...]; NULL for decisions recorded before V3. */
  private static List<AppliedPolicy> layers(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<List<String>>>() {}).stream()
          .filter(l -> l.size() == 3)
          .map(l -> AppliedPolicy.newBuilder().setLayer(l.get(0)).setSource(l.get(1)).setVersion(l.get(2)).build())
          .toList();
    } catch (JsonProcessingException e) {
      return List.of(AppliedPolicy.newBuilder().setLayer("(unreadable)").setSource(e.getOriginalMessage()).build());
    }
  }

  private static Finding finding(byte[] bytes) {
    try {
      return Finding.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored finding is unreadable: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> statuses(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of("(stored statuses unreadable)", e.getOriginalMessage());
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
