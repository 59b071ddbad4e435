package dev.bulwark.server.auth.token;

import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.CreateTokenRequest;
import dev.bulwark.v1.CreateTokenResponse;
import dev.bulwark.v1.Identity;
import dev.bulwark.v1.ListTokensRequest;
import dev.bulwark.v1.ListTokensResponse;
import dev.bulwark.v1.RevokeTokenRequest;
import dev.bulwark.v1.TokenInfo;
import dev.bulwark.v1.WhoAmIRequest;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bulwark.v1.Auth} on the wire, over {@link ApiTokens}: the caller is always the
 * authenticated {@link AuthContext#principal()}, never something the request says. Issuing and
 * revoking a token are audit events.
 */
public final class AuthGrpcService extends AuthGrpc.AuthImplBase {
  private final ApiTokens tokens;
  private final AuditLog audit;
  private final Clock clock;

  public AuthGrpcService(ApiTokens tokens, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<Identity> response) {
    response.onNext(AuthContext.principal().toProto());
    response.onCompleted();
  }

  @Override
  public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> response) {
    Principal issuer = AuthContext.principal();
    var issued = tokens.create(issuer, request.getName(), request.getProjectsList(), request.getRolesList(),
        request.getExpiresAt());
    TokenInfo info = issued.stored().toProto();
    emit(AuditEvent.TOKEN_CREATED, issuer, info, "token '" + info.getName() + "' issued");
    response.onNext(CreateTokenResponse.newBuilder().setInfo(info).setToken(issued.token()).build());
    response.onCompleted();
  }

  @Override
  public void listTokens(ListTokensRequest request, StreamObserver<ListTokensResponse> response) {
    var list = ListTokensResponse.newBuilder();
    tokens.list(AuthContext.principal(), request.getProject()).forEach(t -> list.addTokens(t.toProto()));
    response.onNext(list.build());
    response.onCompleted();
  }

  @Override
  public void revokeToken(RevokeTokenRequest request, StreamObserver<TokenInfo> response) {
    Principal revoker = AuthContext.principal();
    TokenInfo info = tokens.revoke(revoker, request.getId()).toProto();
    emit(AuditEvent.TOKEN_REVOKED, revoker, info, "token '" + info.getName() + "' revoked");
    response.onNext(info);
    response.onCompleted();
  }

  private void emit(String event, Principal who, TokenInfo token, String reason) {
    audit.emit(new AuditEvent(event, clock.instant(), who.id(), who.kind().name().toLowerCase(Locale.ROOT),
        String.join(",", token.getProjectsList()), "bulwark.v1.Auth/" + (event.equals(AuditEvent.TOKEN_CREATED)
            ? "CreateToken" : "RevokeToken"), AuthContext.peerAddress(), reason,
        Map.of("token_id", token.getId(), "token_name", token.getName(), "roles", String.join(",", token.getRolesList()),
            "expires_at", token.getExpiresAt())));
  }
}
