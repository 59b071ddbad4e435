package dev.bulwark.server.auth;

import io.grpc.Context;
import java.util.Optional;

/** The authenticated caller of the current call, put in the gRPC {@link Context} by {@link AuthInterceptor}. */
public final class AuthContext {
  static final Context.Key<Principal> PRINCIPAL = Context.key("bulwark-principal");
  static final Context.Key<String> PEER = Context.key("bulwark-peer-address");

  private AuthContext() {}

  /**
   * The caller of the current call. A service behind {@link AuthInterceptor} always has one; a
   * service without it (a unit test calling the implementation directly) sees {@link Principal#local()}.
   */
  public static Principal principal() {
    return Optional.ofNullable(PRINCIPAL.get()).orElseGet(Principal::local);
  }

  /** The caller's network address ("ip:port"), empty when unknown. */
  public static String peerAddress() {
    return Optional.ofNullable(PEER.get()).orElse("");
  }

  /** Runs {@code body} as {@code principal} (tests, and background work done on a caller's behalf). */
  public static Context with(Principal principal) {
    return Context.current().withValue(PRINCIPAL, principal);
  }
}
