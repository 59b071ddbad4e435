package dev.bulwark.server.testing;

import dev.bulwark.server.auth.token.ApiToken;
import dev.bulwark.server.auth.token.TokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens in memory: for tests of services that verify tokens without the gate's database. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();

  @Override
  public void insert(ApiToken token) {
    if (tokens.putIfAbsent(token.id(), token) != null) {
      throw new IllegalStateException("duplicate token id " + token.id());
    }
  }

  @Override
  public Optional<ApiToken> find(String id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public List<ApiToken> list() {
    var all = new ArrayList<>(tokens.values());
    all.sort(Comparator.comparing(ApiToken::createdAt).reversed());
    return all;
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return tokens.computeIfPresent(id, (k, t) -> t.revoked(at)) != null;
  }
}
