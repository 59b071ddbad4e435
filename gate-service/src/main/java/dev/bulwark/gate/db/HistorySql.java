package dev.bulwark.gate.db;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The dashboard's reads of the gate's record (see {@link JdbiDecisionHistory}); portable between H2 and PostgreSQL. */
@RegisterRowMapper(DecisionRows.DecisionMapper.class)
public interface HistorySql {
  /** A scan on the time line. */
  record ScanRow(long pk, String scanId, String branch, Timestamp createdAt) {}

  /** Open findings of one severity in one scan. */
  record SeverityCount(long scanPk, String severity, int count) {}

  /** A finding row. */
  record FindingRow(String status, int riskScore, String suppression, byte[] finding) {}

  /** A suppression row of a decision. */
  record SuppressionRow(String state, String description, String reason, LocalDate expires, int matched) {}

  @SqlQuery("SELECT id, " + DecisionSql.DECISION_COLUMNS + " FROM decisions "
      + "WHERE id IN (SELECT MAX(id) FROM decisions GROUP BY project) ORDER BY project")
  List<DecisionRows.Numbered> latestPerProject();

  @SqlQuery("SELECT id, " + DecisionSql.DECISION_COLUMNS + " FROM decisions WHERE project = :project "
      + "AND overridden = TRUE ORDER BY id DESC LIMIT :limit")
  List<DecisionRows.Numbered> overrides(@Bind("project") String project, @Bind("limit") int limit);

  @SqlQuery("SELECT id AS pk, scan_id, branch, created_at FROM scans WHERE project = :project "
      + "ORDER BY id DESC LIMIT :limit")
  @RegisterConstructorMapper(ScanRow.class)
  List<ScanRow> scans(@Bind("project") String project, @Bind("limit") int limit);

  @SqlQuery("SELECT scan_pk, severity, COUNT(*) AS count FROM findings WHERE scan_pk IN (<scans>) "
      + "AND status <> 'SUPPRESSED' GROUP BY scan_pk, severity")
  @RegisterConstructorMapper(SeverityCount.class)
  List<SeverityCount> openBySeverity(@BindList("scans") List<Long> scans);

  @SqlQuery("SELECT f.status, f.risk_score, f.suppression, f.finding FROM findings f JOIN scans s ON s.id = f.scan_pk "
      + "WHERE s.scan_id = :scanId ORDER BY f.risk_score DESC, f.id")
  @RegisterConstructorMapper(FindingRow.class)
  List<FindingRow> findings(@Bind("scanId") String scanId);

  /** The suppressions of the project's latest evaluation (overrides record none of their own). */
  @SqlQuery("SELECT state, description, reason, expires, matched FROM suppressions WHERE decision_pk = "
      + "(SELECT MAX(id) FROM decisions WHERE project = :project AND overridden = FALSE) ORDER BY id")
  @RegisterConstructorMapper(SuppressionRow.class)
  List<SuppressionRow> suppressions(@Bind("project") String project);
}
