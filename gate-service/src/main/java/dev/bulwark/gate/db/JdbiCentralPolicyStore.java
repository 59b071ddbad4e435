package dev.bulwark.gate.db;

import dev.bulwark.gate.policy.CentralPolicy;
import dev.bulwark.gate.policy.CentralPolicyStore;
import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Central policies in table {@code central_policies} (migration V3), every version kept. */
public final class JdbiCentralPolicyStore implements CentralPolicyStore {
  private final Jdbi jdbi;

  public JdbiCentralPolicyStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void save(CentralPolicy p) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO central_policies (project, policy, version, repo_allow, set_by, "
            + "set_at) VALUES (:p, :text, :v, :allow, :by, :at)")
        .bind("p", p.project()).bind("text", p.text()).bind("v", p.version()).bind("allow", p.repoAllow())
        .bind("by", p.setBy()).bind("at", Timestamp.from(p.setAt())).execute());
  }

  @Override
  public Optional<CentralPolicy> latest(String project) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM central_policies WHERE project = :p "
            + "ORDER BY id DESC LIMIT 1").bind("p", project)
        .map((rs, ctx) -> new CentralPolicy(rs.getString("project"), rs.getString("policy"),
            rs.getString("version"), rs.getString("repo_allow"), rs.getString("set_by"),
            rs.getTimestamp("set_at").toInstant()))
        .findOne());
  }
}
