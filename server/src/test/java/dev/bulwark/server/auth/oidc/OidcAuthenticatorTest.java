package dev.bulwark.server.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.auth.Authenticator.Result;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OIDC ID tokens from a loopback issuer with rotating keys, mapped to projects by claim rules")
class OidcAuthenticatorTest {
  static LoopbackIssuer issuer;
  static OidcAuthenticator oidc;
  static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

  @BeforeAll
  static void start() throws Exception {
    issuer = new LoopbackIssuer();
    oidc = new OidcAuthenticator(List.of(new OidcIssuer(issuer.issuer(), "bulwark", Optional.empty(), List.of(
        new ClaimRule(Map.of("repository", "acme/*", "ref", "refs/heads/**"), "${repository}",
            Set.of(Role.SCAN, Role.READ))))));
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static String reason(Result r) {
    assertThat(r).isInstanceOf(Result.Invalid.class);
    return ((Result.Invalid) r).reason();
  }

  @Test
  void aPipelineTokenActsOnTheProjectItsClaimsMapTo() throws Exception {
    var r = oidc.authenticate(issuer.token("bulwark", "acme/shop", IN_AN_HOUR));
    assertThat(r).isInstanceOfSatisfying(Result.Valid.class, v -> {
      Principal p = v.principal();
      assertThat(p.kind()).isEqualTo(Principal.Kind.OIDC);
      assertThat(p.projects()).containsExactly("acme/shop");
      assertThat(p.roles()).containsExactlyInAnyOrder(Role.SCAN, Role.READ);
      assertThat(p.id()).isEqualTo("oidc:" + issuer.issuer() + "#repo:acme/shop:ref:refs/heads/main");
    });
  }

  @Test
  void expiredTokensAreRejected() throws Exception {
    assertThat(reason(oidc.authenticate(issuer.token("bulwark", "acme/shop", Instant.now().minusSeconds(300)))))
        .contains("Expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    assertThat(reason(oidc.authenticate(issuer.token("someone-else", "acme/shop", IN_AN_HOUR)))).contains("aud claim rejected");
  }

  @Test
  void aRepositoryNoRuleMapsIsRejected() throws Exception {
    assertThat(reason(oidc.authenticate(issuer.token("bulwark", "evil/shop", IN_AN_HOUR))))
        .contains("none of the issuer's claim rules");
  }

  @Test
  void aTokenSignedWithAForeignKeyIsRejected() throws Exception {
    String forged = LoopbackIssuer.sign(LoopbackIssuer.newKey("k1"), issuer.issuer(), "bulwark", "acme/shop",
        IN_AN_HOUR);
    assertThat(reason(oidc.authenticate(forged))).contains("rejected");
  }

  @Test
  void unknownIssuersAndOtherCredentialsAreTold() throws Exception {
    String foreign = LoopbackIssuer.sign(LoopbackIssuer.newKey("x"), "https://issuer.example", "bulwark", "acme/shop",
        IN_AN_HOUR);
    assertThat(reason(oidc.authenticate(foreign))).contains("not configured");
    assertThat(oidc.authenticate("bwk_0123456789abcdef_secret")).isInstanceOf(Result.NotMine.class);
  }

  @Test
  @DisplayName("after the issuer rotates its key, new tokens verify (the JWKS is fetched again) and old-key tokens fail")
  void keyRotationIsFollowed() throws Exception {
    var rotating = new LoopbackIssuer();
    try {
      var own = new OidcAuthenticator(List.of(new OidcIssuer(rotating.issuer(), "bulwark", Optional.empty(),
          List.of(new ClaimRule(Map.of("repository", "**"), "${repository}", Set.of(Role.SCAN))))));
      String old = rotating.token("bulwark", "acme/shop", IN_AN_HOUR);
      assertThat(own.authenticate(old)).isInstanceOf(Result.Valid.class);
      rotating.rotate("k2");
      Thread.sleep(1100); // the JWKS refetch rate limit is one per second
      assertThat(own.authenticate(rotating.token("bulwark", "acme/shop", IN_AN_HOUR))).isInstanceOf(Result.Valid.class);
      assertThat(rotating.jwksFetches.get()).isEqualTo(2);
      assertThat(own.authenticate(old)).isInstanceOf(Result.Invalid.class);
    } finally {
      rotating.close();
    }
  }
}
