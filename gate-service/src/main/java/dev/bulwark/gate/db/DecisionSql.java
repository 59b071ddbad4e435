package dev.bulwark.gate.db;

import dev.bulwark.gate.decision.DecisionStore.StoredDecision;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SQL of the gate's record (schema in {@code db/migration}), declared once for
 * {@link JdbiDecisionStore}; portable between H2 and PostgreSQL. Attach it to a handle inside a
 * transaction when several statements must land together.
 */
@RegisterRowMapper(DecisionRows.DecisionMapper.class)
@RegisterRowMapper(DecisionRows.StoredMapper.class)
public interface DecisionSql {
  String DECISION_COLUMNS = "scan_id, project, branch, commit_id, verdict, risk_score, reasons, policy_version, "
      + "requested_by, decided_at, overridden, override_justification, override_identity, policies";

  /** One row of {@code scans}. */
  record ScanRow(String scanId, String project, String branch, String commitId, String requestedBy,
      Timestamp createdAt) {}

  /** One row of {@code findings}. */
  record FindingRow(long scanPk, String fingerprint, String scanner, String ruleId, String severity, String status,
      int riskScore, String factors, String suppression, byte[] finding) {}

  /** One row of {@code decisions}. */
  record DecisionRow(long scanPk, String scanId, String project, String branch, String commitId, String verdict,
      int riskScore, String reasons, String policyVersion, String scannerStatuses, String inputsDigest,
      String requestedBy, Timestamp decidedAt, String policies) {}

  @SqlQuery("SELECT id FROM scans WHERE scan_id = :scanId")
  Optional<Long> scanPk(@Bind("scanId") String scanId);

  /** The scan of the project and branch before the scan at {@code before}; null when there is none. */
  @SqlQuery("SELECT MAX(id) FROM scans WHERE project = :project AND branch = :branch AND id < :before")
  Long scanBefore(@Bind("project") String project, @Bind("branch") String branch, @Bind("before") long before);

  /** The latest scan of a branch other than {@code scanId}; null when there is none. */
  @SqlQuery("SELECT MAX(id) FROM scans WHERE project = :project AND branch = :branch AND scan_id <> :scanId")
  Long latestScanOf(@Bind("project") String project, @Bind("branch") String branch, @Bind("scanId") String scanId);

  @SqlQuery("SELECT finding FROM findings WHERE scan_pk = :scanPk ORDER BY id")
  List<byte[]> findingBlobs(@Bind("scanPk") long scanPk);

  @SqlUpdate("INSERT INTO scans (scan_id, project, branch, commit_id, requested_by, created_at) "
      + "VALUES (:scanId, :project, :branch, :commitId, :requestedBy, :createdAt)")
  @GetGeneratedKeys("id")
  long insertScan(@BindMethods ScanRow scan);

  /** A re-evaluated scan takes the context of its latest evaluation. */
  @SqlUpdate("UPDATE scans SET project = :project, branch = :branch, commit_id = :commitId, "
      + "requested_by = :requestedBy WHERE id = :pk")
  void updateScan(@Bind("pk") long pk, @BindMethods ScanRow scan);

  @SqlUpdate("DELETE FROM findings WHERE scan_pk = :scanPk")
  void deleteFindings(@Bind("scanPk") long scanPk);

  @SqlBatch("INSERT INTO findings (scan_pk, fingerprint, scanner, rule_id, severity, status, risk_score, factors, "
      + "suppression, finding) VALUES (:scanPk, :fingerprint, :scanner, :ruleId, :severity, :status, :riskScore, "
      + ":factors, :suppression, :finding)")
  void insertFindings(@BindMethods List<FindingRow> findings);

  @SqlUpdate("INSERT INTO decisions (scan_pk, scan_id, project, branch, commit_id, verdict, risk_score, reasons, "
      + "policy_version, scanner_statuses, inputs_digest, requested_by, decided_at, policies) VALUES (:scanPk, "
      + ":scanId, :project, :branch, :commitId, :verdict, :riskScore, :reasons, :policyVersion, :scannerStatuses, "
      + ":inputsDigest, :requestedBy, :decidedAt, :policies)")
  @GetGeneratedKeys("id")
  long insertDecision(@BindMethods DecisionRow decision);

  /** A break-glass override: a copy of the scan's latest decision with the new verdict, time, who and why. */
  @SqlUpdate("INSERT INTO decisions (scan_pk, scan_id, project, branch, commit_id, verdict, risk_score, reasons, "
      + "policy_version, scanner_statuses, inputs_digest, requested_by, decided_at, overridden, "
      + "override_justification, override_identity, policies) "
      + "SELECT scan_pk, scan_id, project, branch, commit_id, :verdict, risk_score, :reasons, policy_version, "
      + "scanner_statuses, inputs_digest, requested_by, :at, TRUE, :justification, :identity, policies "
      + "FROM decisions WHERE id = (SELECT MAX(id) FROM decisions WHERE scan_id = :scanId)")
  int insertOverride(@Bind("scanId") String scanId, @Bind("verdict") String verdict, @Bind("reasons") String reasons,
      @Bind("at") Timestamp at, @Bind("justification") String justification, @Bind("identity") String identity);

  @SqlUpdate("INSERT INTO suppressions (decision_pk, state, description, reason, expires, matched) "
      + "VALUES (:decisionPk, 'APPLIED', :description, :reason, :expires, :matched)")
  void insertApplied(@Bind("decisionPk") long decisionPk, @Bind("description") String description,
      @Bind("reason") String reason, @Bind("expires") LocalDate expires, @Bind("matched") int matched);

  @SqlUpdate("INSERT INTO suppressions (decision_pk, state, description, matched) "
      + "VALUES (:decisionPk, 'IGNORED', :description, 0)")
  void insertIgnored(@Bind("decisionPk") long decisionPk, @Bind("description") String description);

  @SqlQuery("SELECT " + DECISION_COLUMNS + ", scanner_statuses, inputs_digest FROM decisions "
      + "WHERE scan_id = :scanId ORDER BY id DESC LIMIT 1")
  Optional<StoredDecision> latestDecision(@Bind("scanId") String scanId);

  /** Newest first; an empty project or branch and a {@code before} of 0 mean "any". */
  @SqlQuery("SELECT id, " + DECISION_COLUMNS + " FROM decisions WHERE (:project = '' OR project = :project) "
      + "AND (:branch = '' OR branch = :branch) AND (:before = 0 OR id < :before) ORDER BY id DESC LIMIT :limit")
  List<DecisionRows.Numbered> decisions(@Bind("project") String project, @Bind("branch") String branch,
      @Bind("before") long before, @Bind("limit") int limit);

  @SqlQuery("SELECT f.fingerprint, f.status FROM findings f JOIN scans s ON s.id = f.scan_pk "
      + "WHERE s.scan_id = :scanId ORDER BY f.id")
  @KeyColumn("fingerprint")
  @ValueColumn("status")
  LinkedHashMap<String, String> findingStatuses(@Bind("scanId") String scanId);
}
