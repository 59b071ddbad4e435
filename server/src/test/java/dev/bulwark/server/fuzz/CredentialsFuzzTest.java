package dev.bulwark.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.oidc.ClaimRule;
import dev.bulwark.server.auth.oidc.OidcAuthenticator;
import dev.bulwark.server.auth.oidc.OidcIssuer;
import dev.bulwark.server.auth.Role;
import dev.bulwark.server.auth.token.ApiTokens;
import dev.bulwark.server.testing.InMemoryTokenStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first thing an unauthenticated caller's bytes reach: the bearer credential, tried as an
 * API token and as an OIDC ID token (JWT parsing, issuer lookup). It may only be valid, invalid
 * or not of a kind (or, for a token of the configured issuer whose keys cannot be fetched,
 * "try again"); never another exception, never a network call for an unknown issuer.
 */
class CredentialsFuzzTest {
  static final Authenticator CHAIN = Authenticator.chain(List.of(
      new ApiTokens(new InMemoryTokenStore(), Clock.systemUTC()),
      new OidcAuthenticator(List.of(new OidcIssuer("https://issuer.invalid", "bulwark",
          Optional.of(URI.create("http://127.0.0.1:9/jwks")), // nothing listens: no key is ever found
          List.of(new ClaimRule(Map.of("repository", "**"), "${repository}", Set.of(Role.SCAN))))))));

  @FuzzTest(maxDuration = "60s")
  void bearer(FuzzedDataProvider data) {
    Authenticator.Result result;
    try {
      result = CHAIN.authenticate(data.consumeRemainingAsString());
    } catch (IllegalStateException keysUnreachable) {
      return; // a well-formed token of the configured issuer whose keys cannot be fetched: UNAVAILABLE
    }
    if (result instanceof Authenticator.Result.Valid) {
      throw new AssertionError("a fuzzed credential was accepted");
    }
  }
}
