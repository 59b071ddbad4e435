package dev.bulwark.server.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API tokens are kept: the gate's database (H2 or PostgreSQL). */
public interface TokenStore {
  void insert(ApiToken token);

  Optional<ApiToken> find(String id);

  /** Every token, newest first. */
  List<ApiToken> list();

  /** Marks it revoked at {@code at}; false when there is no such token. */
  boolean revoke(String id, Instant at);
}
