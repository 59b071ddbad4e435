package dev.bulwark.gate.db;

import dev.bulwark.gate.policy.CentralPolicy;
import dev.bulwark.gate.policy.CentralPolicyStore;
import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Central policies in table {@code central_policies} (migration V3), every version kept. */
public final class JdbiCentralPolicyStore implements CentralPolicyStore {
  private final Jdbi jdbi;

  public JdbiCentralPolicyStore(Jdbi jdbi) {
    this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
  }

  /** A row of the table. */
  public record Row(String project, String policy, String version, String repoAllow, String setBy,
      Timestamp setAt) {}

  /** The table's SQL. */
  public interface Sql {
    @SqlUpdate("INSERT INTO central_policies (project, policy, version, repo_allow, set_by, set_at) "
        + "VALUES (:project, :policy, :version, :allow, :by, :at)")
    void insert(@Bind("project") String project, @Bind("policy") String policy, @Bind("version") String version,
        @Bind("allow") String repoAllow, @Bind("by") String setBy, @Bind("at") Timestamp setAt);

    @SqlQuery("SELECT project, policy, version, repo_allow, set_by, set_at FROM central_policies "
        + "WHERE project = :project ORDER BY id DESC LIMIT 1")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> latest(@Bind("project") String project);
  }

  @Override
  public void save(CentralPolicy p) {
    jdbi.useExtension(Sql.class, sql -> sql.insert(p.project(), p.text(), p.version(), p.repoAllow(), p.setBy(),
        Timestamp.from(p.setAt())));
  }

  @Override
  public Optional<CentralPolicy> latest(String project) {
    return jdbi.withExtension(Sql.class, sql -> sql.latest(project)).map(r -> new CentralPolicy(r.project(),
        r.policy(), r.version(), r.repoAllow(), r.setBy(), r.setAt().toInstant()));
  }
}
