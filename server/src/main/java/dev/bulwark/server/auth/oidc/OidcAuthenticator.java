package dev.bulwark.server.auth.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts OIDC ID tokens of the configured issuers (nimbus-jose-jwt): the signature against the
 * issuer's JWKS (fetched on first use, cached, fetched again when a token names a key it does
 * not know: how issuers rotate keys), {@code iss}, {@code aud}, {@code exp} and {@code nbf}
 * (one minute of clock skew), then the issuer's claim rules for the project and roles.
 */
public final class OidcAuthenticator implements Authenticator {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256);
  private static final int HTTP_TIMEOUT_MS = 5000;

  private final Map<String, OidcIssuer> issuers = new LinkedHashMap<>();
  private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new LinkedHashMap<>();

  public OidcAuthenticator(List<OidcIssuer> issuers) {
    issuers.forEach(i -> this.issuers.put(i.issuer(), i));
  }

  public boolean isEmpty() {
    return issuers.isEmpty();
  }

  @Override
  public Result authenticate(String bearer) {
    SignedJWT jwt;
    String iss;
    try {
      jwt = SignedJWT.parse(bearer);
      iss = jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      return Authenticator.notMine();
    }
    OidcIssuer issuer = iss == null ? null : issuers.get(iss);
    if (issuer == null) {
      return Authenticator.invalid("ID token of issuer '" + iss + "', which is not configured");
    }
    JWTClaimsSet claims;
    try {
      claims = processor(issuer).process(jwt, null);
    } catch (BadJOSEException e) {
      return Authenticator.invalid("ID token of " + iss + " rejected: " + e.getMessage());
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException("cannot check the ID token of " + iss + ": " + e.getMessage(), e);
    }
    Map<String, Object> values = claims.getClaims();
    for (ClaimRule rule : issuer.rules()) {
      Optional<String> project = rule.apply(values);
      if (project.isPresent()) {
        String subject = claims.getSubject();
        return Authenticator.valid(new Principal("oidc:" + iss + "#" + subject, subject, Principal.Kind.OIDC,
            Set.of(project.get()), rule.roles(), Optional.ofNullable(claims.getExpirationTime()).map(d -> d.toInstant())));
      }
    }
    return Authenticator.invalid("ID token of " + iss + " for '" + claims.getSubject()
        + "' matches none of the issuer's claim rules");
  }

  private synchronized DefaultJWTProcessor<SecurityContext> processor(OidcIssuer issuer) throws IOException {
    var existing = processors.get(issuer.issuer());
    if (existing != null) {
      return existing;
    }
    URL jwks = issuer.jwks().orElse(discover(issuer)).toURL();
    var keys = JWKSourceBuilder.<SecurityContext>create(jwks,
            new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, 1 << 20))
        .cache(15 * 60_000L, HTTP_TIMEOUT_MS).rateLimited(1000).retrying(true).build();
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(issuer.audience()),
        new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("sub", "exp")
        , null));
    processors.put(issuer.issuer(), processor);
    return processor;
  }

  /** {@code jwks_uri} of the issuer's OpenID configuration. */
  static URI discover(OidcIssuer issuer) throws IOException {
    String base = issuer.issuer().endsWith("/") ? issuer.issuer() : issuer.issuer() + "/";
    URI config = URI.create(base + ".well-known/openid-configuration");
    var retriever = new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, 1 << 20);
    var json = new ObjectMapper().readTree(retriever.retrieveResource(config.toURL()).getContent());
    String uri = json.path("jwks_uri").asText("");
    if (uri.isBlank()) {
      throw new IOException(config + " names no jwks_uri");
    }
    URI jwks = URI.create(uri);
    OidcIssuer.requireHttps(jwks, "jwks_uri");
    return jwks;
  }
}
