package dev.bulwark.server.auth.oidc;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * An OIDC issuer whose ID tokens Bulwark accepts: GitHub Actions
 * ({@code https://token.actions.githubusercontent.com}), GitLab ({@code https://gitlab.com}) or
 * any issuer with a JWKS.
 *
 * @param issuer   the {@code iss} claim, exactly
 * @param audience the {@code aud} the token must carry (what the CI job asked its token for)
 * @param jwks     where the issuer's keys are; empty: from {@code <issuer>/.well-known/openid-configuration}
 * @param rules    claims → project and roles, first match wins
 */
public record OidcIssuer(String issuer, String audience, Optional<URI> jwks, List<ClaimRule> rules) {
  public OidcIssuer {
    rules = List.copyOf(rules);
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("an OIDC issuer needs its issuer URL");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("OIDC issuer " + issuer + " needs an audience (e.g. bulwark)");
    }
    requireHttps(URI.create(issuer), "issuer");
    jwks.ifPresent(u -> requireHttps(u, "jwks"));
  }

  /** Keys must come over https, except from this machine (tests, a local issuer). */
  static void requireHttps(URI uri, String what) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
      throw new IllegalArgumentException("OIDC " + what + " must be an https URL: " + uri);
    }
  }
}
