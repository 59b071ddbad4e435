package dev.bulwark.gate.db;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.decision.DecisionStore;
import dev.bulwark.gate.policy.CentralPolicyStore;
import dev.bulwark.gate.suppression.SuppressionStore;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The gate's record in a SQL database through JDBI: scans, their findings, decisions and the
 * suppressions each decision considered, break-glass overrides, central suppressions
 * ({@link JdbiSuppressionStore}) and policies ({@link JdbiCentralPolicyStore}). The SQL is declared
 * in {@link DecisionSql}; this class says which statements go together. Works on H2 and
 * PostgreSQL (schema in {@code db/migration}, applied by {@link Migrations}).
 */
public final class JdbiDecisionStore implements DecisionStore {
  private final Jdbi jdbi;
  private final SuppressionStore suppressions;
  private final CentralPolicyStore policies;

  /** Wraps a Jdbi whose schema is already migrated (see {@link #migrated(DataSource)}). */
  public JdbiDecisionStore(Jdbi jdbi) {
    this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
    this.suppressions = new JdbiSuppressionStore(jdbi);
    this.policies = new JdbiCentralPolicyStore(jdbi);
  }

  /** Applies pending migrations, then wraps a Jdbi on the data source. */
  public static JdbiDecisionStore migrated(DataSource dataSource) {
    Migrations.migrate(dataSource);
    return new JdbiDecisionStore(Jdbi.create(dataSource));
  }

  /** The Jdbi, for readers over the same record (the dashboard's queries). */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public List<Finding> baselineFindings(String scanId, ScanContext c, String baselineBranch) {
    return jdbi.withExtension(DecisionSql.class, sql -> {
      Long base = baselineBranch.isEmpty()
          ? sql.scanBefore(c.getProject(), c.getBranch(), sql.scanPk(scanId).orElse(Long.MAX_VALUE))
          : sql.latestScanOf(c.getProject(), baselineBranch, scanId);
      return base == null ? List.<Finding>of()
          : sql.findingBlobs(base).stream().map(DecisionRows::finding).toList();
    });
  }

  @Override
  public Optional<StoredDecision> latestDecision(String scanId) {
    return jdbi.withExtension(DecisionSql.class, sql -> sql.latestDecision(scanId));
  }

  @Override
  public void recordOverride(Decision o) {
    int rows = jdbi.withExtension(DecisionSql.class, sql -> sql.insertOverride(o.getScanId(), o.getVerdict().name(),
        DecisionRows.json(o.getReasonsList()), Timestamp.from(Instant.parse(o.getDecidedAt())),
        o.getOverrideJustification(), o.getOverrideIdentity()));
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
    jdbi.useTransaction(h -> insert(h, e));
  }

  @Override
  public boolean record(Evaluation e, KeptReply reply) {
    try {
      jdbi.useTransaction(h -> {
        insert(h, e);
        if (!EvaluationReplies.keep(h, reply)) {
          throw new ClaimLost(); // rolls the decision back
        }
      });
      return true;
    } catch (ClaimLost lost) {
      return false;
    }
  }

  /** The evaluation's claim was taken over before its answer was kept. */
  private static final class ClaimLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClaimLost() {
      super(null, null, false, false);
    }
  }

  private static void insert(Handle h, Evaluation e) {
    var d = e.decision();
    var c = d.getContext();
    var at = Timestamp.from(Instant.parse(d.getDecidedAt()));
    var scan = new DecisionSql.ScanRow(d.getScanId(), c.getProject(), c.getBranch(), c.getCommit(),
        c.getRequestedBy(), at);
    var sql = h.attach(DecisionSql.class);
    // Re-evaluating a scan (a retried call) replaces its findings and context; decisions accumulate.
    long scanPk = sql.scanPk(d.getScanId()).map(pk -> {
      sql.deleteFindings(pk);
      sql.updateScan(pk, scan);
      return pk;
    }).orElseGet(() -> sql.insertScan(scan));
    if (!e.findings().isEmpty()) {
      sql.insertFindings(e.findings().stream().map(a -> findingRow(scanPk, a)).toList());
    }
    long decisionPk = sql.insertDecision(new DecisionSql.DecisionRow(scanPk, d.getScanId(), c.getProject(),
        c.getBranch(), c.getCommit(), d.getVerdict().name(), d.getRiskScore(), DecisionRows.json(d.getReasonsList()),
        d.getPolicyVersion(), DecisionRows.json(e.scannerStatuses()), e.inputsDigest(), c.getRequestedBy(), at,
        DecisionRows.layersJson(d.getPoliciesList())));
    for (var s : e.suppressions()) {
      long matched = e.findings().stream().filter(a -> a.suppressedBy().filter(s::equals).isPresent()).count();
      sql.insertApplied(decisionPk, s.describe(), s.reason(), s.expires(), (int) matched);
    }
    for (String ignored : e.ignored()) {
      sql.insertIgnored(decisionPk, ignored);
    }
  }

  private static DecisionSql.FindingRow findingRow(long scanPk, AssessedFinding a) {
    var f = a.finding();
    return new DecisionSql.FindingRow(scanPk, f.getFingerprint(), f.getScanner(), f.getRuleId(),
        f.getSeverity().name(), a.status().name(), a.risk().score(), DecisionRows.json(a.risk().factors()),
        a.suppressedBy().map(s -> s.describe()).orElse(null), f.toByteArray());
  }

  @Override
  public DecisionPage listDecisions(DecisionQuery q) {
    // One row more than asked tells whether another page follows.
    var rows = jdbi.withExtension(DecisionSql.class,
        sql -> sql.decisions(q.project(), q.branch(), Math.max(0, q.beforeId()), q.limit() + 1));
    var page = rows.subList(0, Math.min(rows.size(), q.limit()));
    boolean more = rows.size() > q.limit();
    return new DecisionPage(page.stream().map(DecisionRows.Numbered::decision).toList(),
        more && !page.isEmpty() ? page.get(page.size() - 1).id() : 0);
  }

  /** Stored finding rows of a scan (status by fingerprint), for audits and tests. */
  public Map<String, String> findingStatuses(String scanId) {
    return jdbi.withExtension(DecisionSql.class, sql -> sql.findingStatuses(scanId));
  }
}
