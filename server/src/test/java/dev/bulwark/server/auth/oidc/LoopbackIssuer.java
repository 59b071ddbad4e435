package dev.bulwark.server.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OIDC issuer on loopback, as GitHub Actions' is: an OpenID configuration naming a JWKS,
 * keys that can be rotated, and ID tokens signed with the current key. Counts JWKS fetches.
 */
public final class LoopbackIssuer implements AutoCloseable {
  private final HttpServer server;
  private volatile ECKey key;
  public final AtomicInteger jwksFetches = new AtomicInteger();

  public LoopbackIssuer() throws IOException, JOSEException {
    key = newKey("k1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/.well-known/openid-configuration", ex -> respond(ex,
        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\"}"));
    server.createContext("/jwks", ex -> {
      jwksFetches.incrementAndGet();
      respond(ex, new JWKSet(key.toPublicJWK()).toString());
    });
    server.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static ECKey newKey(String id) throws JOSEException {
    return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Replaces the signing key: the JWKS serves only the new one from now on. */
  public void rotate(String keyId) throws JOSEException {
    key = newKey(keyId);
  }

  /** A GitHub-Actions-like ID token for {@code repository}, signed with the current key. */
  public String token(String audience, String repository, Instant expires) throws JOSEException {
    return sign(key, issuer(), audience, repository, expires);
  }

  static String sign(ECKey with, String issuer, String audience, String repository, Instant expires)
      throws JOSEException {
    var claims = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(audience))
        .subject("repo:" + repository + ":ref:refs/heads/main").claim("repository", repository)
        .claim("ref", "refs/heads/main").issueTime(Date.from(Instant.now().minusSeconds(600)))
        .notBeforeTime(Date.from(Instant.now().minusSeconds(600))).expirationTime(Date.from(expires)).build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(with.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(with));
    return jwt.serialize();
  }

  public Map<String, Object> none() {
    return Map.of();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
