package dev.bulwark.gate.auth;

import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.gate.dashboard.Viewer;
import dev.bulwark.gate.dashboard.ViewerResolver;
import dev.bulwark.gate.db.JdbiTokenStore;
import dev.bulwark.gate.decision.DecisionStore;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.ResourceOwners;
import dev.bulwark.server.auth.Role;
import dev.bulwark.server.auth.oidc.OidcAuthenticator;
import dev.bulwark.server.auth.oidc.OidcIssuer;
import dev.bulwark.server.auth.token.ApiTokens;
import dev.bulwark.server.auth.token.AuthGrpcService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The gate's part of the trust model, in one place: it keeps the API tokens (salted hashes in its
 * database), knows the OIDC issuers, answers {@code Auth} (who am I, tokens), tells the access
 * rules which project a decision or a suppression belongs to, and lets the dashboard know its
 * readers by the same credentials.
 */
public final class GateAuth {
  /** The dashboard cookie holding a credential (set by {@code POST /api/dashboard/session}). */
  public static final String COOKIE = "bulwark_token";

  private final ApiTokens tokens;
  private final Authenticator authenticator;
  private final ResourceOwners owners;
  private final AuthGrpcService service;

  private GateAuth(ApiTokens tokens, Authenticator authenticator, ResourceOwners owners, AuthGrpcService service) {
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.owners = owners;
    this.service = service;
  }

  public static GateAuth wire(Jdbi jdbi, DecisionStore decisions, List<OidcIssuer> issuers, AuditLog audit,
      Clock clock) {
    var tokens = new ApiTokens(new JdbiTokenStore(jdbi), clock);
    var oidc = new OidcAuthenticator(issuers);
    Authenticator authenticator = oidc.isEmpty() ? tokens : Authenticator.chain(List.of(tokens, oidc));
    ResourceOwners owners = (kind, id) -> switch (kind) {
      case DECISION -> decisions.latestDecision(id)
          .map(d -> new ResourceOwners.Owner(d.decision().getContext().getProject(), ""));
      case SUPPRESSION -> jdbi.withHandle(h -> h.createQuery("SELECT project FROM central_suppressions WHERE id = :id")
          .bind("id", id).mapTo(String.class).findOne()).map(p -> new ResourceOwners.Owner(p, ""));
      default -> Optional.empty(); // tokens: ApiTokens answers NOT_FOUND for one the caller may not see
    };
    return new GateAuth(tokens, authenticator, owners, new AuthGrpcService(tokens, audit, clock));
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public ResourceOwners owners() {
    return owners;
  }

  public AuthGrpcService service() {
    return service;
  }

  /**
   * The embedded cluster's local admin token: the one in {@code $BULWARK_HOME/admin-token} while it
   * is valid, else a new one (admin of every project) written there with mode 0600.
   */
  public String ensureLocalAdmin(Path home) {
    var existing = LocalAdminToken.read(home).filter(t -> authenticator.authenticate(t)
        instanceof Authenticator.Result.Valid v && v.principal().has(Role.ADMIN) && v.principal().allProjects());
    if (existing.isPresent()) {
      return existing.get();
    }
    String token = tokens.create(Principal.local(), "local-admin", Set.of(Principal.ALL_PROJECTS),
        Set.of(Role.ADMIN.wireName()), "").token();
    LocalAdminToken.write(home, token);
    return token;
  }

  /**
   * The dashboard's readers: whoever sends a credential with the {@code read} role, as
   * {@code Authorization: Bearer} or in the {@value #COOKIE} cookie, reads its projects.
   */
  public ViewerResolver viewers() {
    return request -> request.header("authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip())
        .or(() -> request.cookie(COOKIE))
        .map(authenticator::authenticate)
        .filter(r -> r instanceof Authenticator.Result.Valid v && v.principal().has(Role.READ))
        .map(r -> viewer(((Authenticator.Result.Valid) r).principal()));
  }

  private static Viewer viewer(Principal principal) {
    return new Viewer() {
      @Override
      public String name() {
        return principal.name();
      }

      @Override
      public boolean mayRead(String project) {
        return principal.mayAccess(project);
      }
    };
  }
}
