package dev.bulwark.gate.db;

import dev.bulwark.gate.suppression.CentralSuppression;
import dev.bulwark.gate.suppression.SuppressionStore;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Central suppressions in table {@code central_suppressions} (migration V2); unset criteria are NULL. */
public final class JdbiSuppressionStore implements SuppressionStore {
  private final Jdbi jdbi;

  public JdbiSuppressionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(CentralSuppression s) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO central_suppressions (id, project, fingerprint, rule_id, path_glob, "
            + "purl, advisory, reason, expires, created_by, created_at) VALUES (:id, :p, :fp, :rule, :path, :purl, "
            + ":adv, :reason, :exp, :by, :at)")
        .bind("id", s.id()).bind("p", s.project()).bind("fp", orNull(s.fingerprint())).bind("rule", orNull(s.rule()))
        .bind("path", orNull(s.pathGlob())).bind("purl", orNull(s.purl())).bind("adv", orNull(s.advisory()))
        .bind("reason", s.reason()).bind("exp", Date.valueOf(s.expires())).bind("by", s.createdBy())
        .bind("at", Timestamp.from(s.createdAt())).execute());
  }

  @Override
  public List<CentralSuppression> list(String project) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM central_suppressions WHERE project = :p "
            + "ORDER BY created_at, id").bind("p", project)
        .map((rs, ctx) -> new CentralSuppression(rs.getString("id"), rs.getString("project"),
            empty(rs.getString("fingerprint")), empty(rs.getString("rule_id")), empty(rs.getString("path_glob")),
            empty(rs.getString("purl")), empty(rs.getString("advisory")), rs.getString("reason"),
            rs.getDate("expires").toLocalDate(), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant()))
        .list());
  }

  @Override
  public boolean remove(String id) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM central_suppressions WHERE id = :id").bind("id", id)
        .execute()) > 0;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String empty(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
