package dev.bulwark.gate.db;

import dev.bulwark.gate.suppression.CentralSuppression;
import dev.bulwark.gate.suppression.SuppressionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Central suppressions in table {@code central_suppressions} (migration V2); unset criteria are NULL. */
public final class JdbiSuppressionStore implements SuppressionStore {
  private final Jdbi jdbi;

  public JdbiSuppressionStore(Jdbi jdbi) {
    this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
  }

  /** The table's SQL. */
  @RegisterRowMapper(Rows.class)
  public interface Sql {
    @SqlUpdate("INSERT INTO central_suppressions (id, project, fingerprint, rule_id, path_glob, purl, advisory, "
        + "reason, expires, created_by, created_at) VALUES (:id, :project, :fingerprint, :rule, :path, :purl, "
        + ":advisory, :reason, :expires, :by, :at)")
    void insert(@Bind("id") String id, @Bind("project") String project, @Bind("fingerprint") String fingerprint,
        @Bind("rule") String rule, @Bind("path") String path, @Bind("purl") String purl,
        @Bind("advisory") String advisory, @Bind("reason") String reason, @Bind("expires") LocalDate expires,
        @Bind("by") String createdBy, @Bind("at") Timestamp createdAt);

    @SqlQuery("SELECT * FROM central_suppressions WHERE project = :project ORDER BY created_at, id")
    List<CentralSuppression> list(@Bind("project") String project);

    @SqlUpdate("DELETE FROM central_suppressions WHERE id = :id")
    int delete(@Bind("id") String id);
  }

  /** A row as a {@link CentralSuppression}, NULL criteria as empty strings. */
  public static final class Rows implements RowMapper<CentralSuppression> {
    @Override
    public CentralSuppression map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CentralSuppression(rs.getString("id"), rs.getString("project"), empty(rs.getString("fingerprint")),
          empty(rs.getString("rule_id")), empty(rs.getString("path_glob")), empty(rs.getString("purl")),
          empty(rs.getString("advisory")), rs.getString("reason"), rs.getDate("expires").toLocalDate(),
          rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
  }

  @Override
  public void add(CentralSuppression s) {
    jdbi.useExtension(Sql.class, sql -> sql.insert(s.id(), s.project(), orNull(s.fingerprint()), orNull(s.rule()),
        orNull(s.pathGlob()), orNull(s.purl()), orNull(s.advisory()), s.reason(), s.expires(), s.createdBy(),
        Timestamp.from(s.createdAt())));
  }

  @Override
  public List<CentralSuppression> list(String project) {
    return jdbi.withExtension(Sql.class, sql -> sql.list(project));
  }

  @Override
  public boolean remove(String id) {
    return jdbi.withExtension(Sql.class, sql -> sql.delete(id)) > 0;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String empty(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
