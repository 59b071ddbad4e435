package dev.bulwark.gate.db;

import dev.bulwark.server.auth.Role;
import dev.bulwark.server.auth.token.ApiToken;
import dev.bulwark.server.auth.token.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens in the gate's database (table {@code api_tokens}, migration V4): salted hashes only. */
public final class JdbiTokenStore implements TokenStore {
  private static final String COLUMNS =
      "id, name, projects, roles, salt, hash, created_at, created_by, expires_at, revoked_at";
  private final Jdbi jdbi;

  public JdbiTokenStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(ApiToken t) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (" + COLUMNS + ") VALUES (:id, :name, :projects,"
            + " :roles, :salt, :hash, :created, :by, :expires, NULL)")
        .bind("id", t.id()).bind("name", t.name()).bind("projects", String.join("\n", t.projects()))
        .bind("roles", String.join("\n", t.roles().stream().map(Role::wireName).toList()))
        .bind("salt", t.salt()).bind("hash", t.hash()).bind("created", Timestamp.from(t.createdAt()))
        .bind("by", t.createdBy()).bind("expires", t.expiresAt().map(Timestamp::from).orElse(null))
        .execute());
  }

  @Override
  public Optional<ApiToken> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  @Override
  public List<ApiToken> list() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at DESC, id")
        .map((rs, ctx) -> row(rs)).list());
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = :at WHERE id = :id"
        + " AND revoked_at IS NULL").bind("at", Timestamp.from(at)).bind("id", id).execute()) > 0;
  }

  private static ApiToken row(ResultSet rs) throws SQLException {
    var roles = EnumSet.noneOf(Role.class);
    Arrays.stream(rs.getString("roles").split("\n")).filter(r -> !r.isBlank()).map(Role::parse).forEach(roles::add);
    return new ApiToken(rs.getString("id"), rs.getString("name"),
        new LinkedHashSet<>(List.of(rs.getString("projects").split("\n"))), roles, rs.getString("salt"),
        rs.getString("hash"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
        Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
  }
}
