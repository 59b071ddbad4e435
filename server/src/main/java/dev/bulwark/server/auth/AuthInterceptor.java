package dev.bulwark.server.auth;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.audit.AuditLog;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates every call and enforces {@link AccessRules}, in one place per server: who the
 * caller is (a bearer credential, else the service name of its TLS client certificate), whether
 * that may call the method, and, once the request arrives, whether the project it is about is
 * one of the caller's. UNAUTHENTICATED without a valid credential, PERMISSION_DENIED otherwise;
 * neither says anything of another project. Each refusal is an {@link AuditEvent}. The caller
 * is then {@link AuthContext#principal()} for the service.
 */
public final class AuthInterceptor implements ServerInterceptor {
  private final Authenticator authenticator;
  private final ResourceOwners owners;
  private final AuditLog audit;
  private final boolean enabled;
  private final Clock clock;

  private AuthInterceptor(Authenticator authenticator, ResourceOwners owners, AuditLog audit, boolean enabled,
      Clock clock) {
    this.authenticator = authenticator;
    this.owners = owners;
    this.audit = audit;
    this.enabled = enabled;
    this.clock = clock;
  }

  /** Enforcing: credentials from {@code authenticator}, resources' projects from {@code owners}. */
  public static AuthInterceptor enforcing(Authenticator authenticator, ResourceOwners owners, AuditLog audit) {
    return new AuthInterceptor(authenticator, owners, audit, true, Clock.systemUTC());
  }

  /** Authentication off: every caller is {@link Principal#local()} (explicitly insecure setups only). */
  public static AuthInterceptor disabled() {
    return new AuthInterceptor(Authenticator.NONE, ResourceOwners.NONE, AuditLog.LOG_ONLY, false, Clock.systemUTC());
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    String peer = PeerCertificates.address(call.getAttributes());
    var request = new Attempt(method, peer);
    Principal principal;
    if (!enabled) {
      principal = Principal.local();
    } else {
      var who = identify(call, headers, request);
      if (who.isEmpty()) {
        return closed(call); // refused: already closed
      }
      principal = who.get().orElse(null);
      Optional<Access> access = AccessRules.of(method);
      if (access.isEmpty()) {
        return refuse(call, request, principal, Status.PERMISSION_DENIED, "", method + " is not in the access table");
      }
      Status refusal = mayCall(principal, access.get());
      if (refusal != null) {
        return refuse(call, request, principal, refusal, "", refusal.getDescription());
      }
      if (access.get() instanceof Access.Roles roles && !(roles.scope() instanceof Access.Scope.None<?>)) {
        var ctx = Context.current().withValue(AuthContext.PRINCIPAL, principal).withValue(AuthContext.PEER, peer);
        var listener = Contexts.interceptCall(ctx, call, headers, next);
        return new ProjectCheck<>(listener, call, new ProjectGuard(roles, owners), principal, request);
      }
    }
    var ctx = Context.current().withValue(AuthContext.PRINCIPAL, principal).withValue(AuthContext.PEER, peer);
    return Contexts.interceptCall(ctx, call, headers, next);
  }

  /**
   * Empty when the call was refused (bad credential); else the principal, or an empty inner
   * optional for a caller that brought no credential at all.
   */
  private <Q, R> Optional<Optional<Principal>> identify(ServerCall<Q, R> call, Metadata headers, Attempt request) {
    String authorization = headers.get(BearerCredentials.AUTHORIZATION);
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, BearerCredentials.SCHEME, 0, BearerCredentials.SCHEME.length())) {
        refuse(call, request, null, Status.UNAUTHENTICATED, "", "the authorization header must be 'Bearer <token>'");
        return Optional.empty();
      }
      String token = authorization.substring(BearerCredentials.SCHEME.length()).strip();
      Authenticator.Result result;
      try {
        result = authenticator.authenticate(token);
      } catch (RuntimeException e) {
        refuse(call, request, null, Status.UNAVAILABLE, "", "cannot verify the credential now: " + e.getMessage());
        return Optional.empty();
      }
      if (result instanceof Authenticator.Result.Valid v) {
        return Optional.of(Optional.of(v.principal()));
      }
      String why = result instanceof Authenticator.Result.Invalid i ? i.reason() : "unknown credential";
      refuse(call, request, null, Status.UNAUTHENTICATED, "", why);
      return Optional.empty();
    }
    return Optional.of(PeerCertificates.serviceName(call.getAttributes()).map(Principal::service));
  }

  /** Null when {@code principal} may call a method with this rule, else the refusal. */
  static Status mayCall(Principal principal, Access access) {
    if (principal != null && principal.kind() == Principal.Kind.LOCAL) {
      return null;
    }
    if (access instanceof Access.Peers p) {
      if (principal == null) {
        return Status.UNAUTHENTICATED.withDescription("this method is for Bulwark services: connect with the client"
            + " certificate of one of " + p.services());
      }
      return principal.isService() && p.services().contains(principal.name()) ? null
          : Status.PERMISSION_DENIED.withDescription(principal.id() + " is not one of the services that may call"
              + " this method " + p.services());
    }
    if (principal == null) {
      return noCredential();
    }
    if (access instanceof Access.Roles r && r.roles().stream().noneMatch(principal::has)) {
      return Status.PERMISSION_DENIED.withDescription(principal.id() + " lacks the role this method needs ("
          + String.join(" or ", r.roles().stream().map(Role::wireName).toList()) + ")");
    }
    return null;
  }

  private static Status noCredential() {
    return Status.UNAUTHENTICATED.withDescription("no credential: send 'authorization: Bearer <token>'"
        + " (bulwark --token, BULWARK_TOKEN or BULWARK_OIDC_TOKEN)");
  }

  private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Attempt request, Principal principal,
      Status status, String project, String reason) {
    emit(request, principal, status, project, reason);
    call.close(status.withDescription(reason), new Metadata());
    return closed(call);
  }

  void emit(Attempt request, Principal principal, Status status, String project, String reason) {
    String event = status.getCode() == Status.Code.PERMISSION_DENIED ? AuditEvent.PERMISSION_DENIED
        : AuditEvent.AUTH_FAILED;
    audit.emit(new AuditEvent(event, clock.instant(), principal == null ? "" : principal.id(),
        principal == null ? "" : principal.kind().name().toLowerCase(java.util.Locale.ROOT), project,
        request.method(), request.peer(), reason, Map.of("status", status.getCode().name())));
  }

  private static <Q> ServerCall.Listener<Q> closed(ServerCall<Q, ?> call) {
    return new ServerCall.Listener<>() {};
  }

  /** The method and peer of a call, for audit events. */
  record Attempt(String method, String peer) {}

  /** Checks each request's project before the service sees it. */
  private final class ProjectCheck<Q, R> extends SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, R> call;
    private final ProjectGuard guard;
    private final Principal principal;
    private final Attempt request;
    private boolean refused;

    ProjectCheck(ServerCall.Listener<Q> delegate, ServerCall<Q, R> call, ProjectGuard guard, Principal principal,
        Attempt request) {
      super(delegate);
      this.call = call;
      this.guard = guard;
      this.principal = principal;
      this.request = request;
    }

    @Override
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      ProjectGuard.Verdict verdict = guard.check(principal, message);
      if (verdict.refusal() != null) {
        refused = true;
        emit(request, principal, verdict.refusal(), verdict.auditProject(), verdict.refusal().getDescription());
        call.close(verdict.refusal(), new Metadata());
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }
  }
}
