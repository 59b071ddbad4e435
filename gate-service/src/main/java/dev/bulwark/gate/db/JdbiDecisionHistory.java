package dev.bulwark.gate.db;

import dev.bulwark.gate.dashboard.DecisionHistory;
import dev.bulwark.v1.Decision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The dashboard's view of the gate's record, through JDBI ({@link HistorySql}); read-only. */
public final class JdbiDecisionHistory implements DecisionHistory {
  private final Jdbi jdbi;

  public JdbiDecisionHistory(Jdbi jdbi) {
    this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
  }

  @Override
  public List<Decision> latestPerProject() {
    return jdbi.withExtension(HistorySql.class, sql -> sql.latestPerProject().stream()
        .map(DecisionRows.Numbered::decision).toList());
  }

  @Override
  public List<Decision> decisions(String project, int limit) {
    return jdbi.withExtension(DecisionSql.class, sql -> sql.decisions(project, "", 0, limit).stream()
        .map(DecisionRows.Numbered::decision).toList());
  }

  @Override
  public List<Decision> overrides(String project, int limit) {
    return jdbi.withExtension(HistorySql.class, sql -> sql.overrides(project, limit).stream()
        .map(DecisionRows.Numbered::decision).toList());
  }

  @Override
  public List<ScanCounts> findingTrend(String project, int scans) {
    return jdbi.withExtension(HistorySql.class, sql -> {
      var rows = sql.scans(project, scans);
      if (rows.isEmpty()) {
        return List.<ScanCounts>of();
      }
      var counts = new HashMap<Long, Map<String, Integer>>();
      sql.openBySeverity(rows.stream().map(HistorySql.ScanRow::pk).toList())
          .forEach(c -> counts.computeIfAbsent(c.scanPk(), k -> new LinkedHashMap<>()).put(c.severity(), c.count()));
      var oldestFirst = new ArrayList<>(rows);
      Collections.reverse(oldestFirst);
      return oldestFirst.stream().map(r -> new ScanCounts(r.scanId(), r.branch(), r.createdAt().toInstant(),
          counts.getOrDefault(r.pk(), Map.of()))).toList();
    });
  }

  @Override
  public List<RecordedFinding> findings(String scanId) {
    return jdbi.withExtension(HistorySql.class, sql -> sql.findings(scanId).stream()
        .map(f -> new RecordedFinding(DecisionRows.finding(f.finding()), f.status(), f.riskScore(), f.suppression()))
        .toList());
  }

  @Override
  public List<RecordedSuppression> suppressions(String project) {
    return jdbi.withExtension(HistorySql.class, sql -> sql.suppressions(project).stream()
        .map(s -> new RecordedSuppression("APPLIED".equals(s.state()), s.description(), s.reason(), s.expires(),
            s.matched()))
        .toList());
  }
}
