package dev.bulwark.server.auth;

import java.util.List;

/**
 * Turns a bearer credential into a {@link Principal}. Several kinds of credential (API tokens,
 * OIDC ID tokens, the embedded cluster's internal key) are tried in turn by {@link #chain}:
 * each says whether the credential is its kind, and if so whether it is valid.
 */
@FunctionalInterface
public interface Authenticator {
  Result authenticate(String bearer);

  /** What an authenticator made of a credential. */
  sealed interface Result {
    /** Valid: the caller is {@code principal}. */
    record Valid(Principal principal) implements Result {}

    /** Of this authenticator's kind, but not valid; {@code reason} is safe to tell the caller. */
    record Invalid(String reason) implements Result {}

    /** Not of this authenticator's kind: ask the next. */
    record NotMine() implements Result {}
  }

  static Result valid(Principal p) {
    return new Result.Valid(p);
  }

  static Result invalid(String reason) {
    return new Result.Invalid(reason);
  }

  static Result notMine() {
    return new Result.NotMine();
  }

  /** The first answer that is not {@link Result.NotMine}; an unknown kind of credential is invalid. */
  static Authenticator chain(List<Authenticator> authenticators) {
    var copy = List.copyOf(authenticators);
    return bearer -> {
      for (Authenticator a : copy) {
        Result r = a.authenticate(bearer);
        if (!(r instanceof Result.NotMine)) {
          return r;
        }
      }
      return invalid("unknown kind of credential (neither a Bulwark API token nor an ID token of a configured issuer)");
    };
  }

  /** Accepts nothing: a server that only knows its peers by certificate. */
  Authenticator NONE = bearer -> notMine();
}
