package dev.bulwark.server.auth.token;

import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.Role;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: issues them (within the issuer's own projects and roles, so no one mints more
 * than they hold), verifies them ({@link Authenticator}), lists and revokes them.
 */
public final class ApiTokens implements Authenticator {
  public static final int MAX_NAME = 100;

  private final TokenStore store;
  private final Clock clock;

  public ApiTokens(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A token just issued: its secret form, shown once, and what is stored. */
  public record Issued(String token, ApiToken stored) {}

  /**
   * @param expires RFC 3339 instant, an ISO date (valid through that day, UTC), or blank for never
   * @throws IllegalArgumentException for a request that is malformed or exceeds the issuer's rights
   */
  public Issued create(Principal issuer, String name, Collection<String> projects, Collection<String> roles,
      String expires) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a token needs a name of 1 to " + MAX_NAME + " characters (--name)");
    }
    var projectSet = new LinkedHashSet<String>();
    projects.stream().map(String::strip).filter(p -> !p.isEmpty()).forEach(projectSet::add);
    if (projectSet.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one project (--project P, or '*' for every project)");
    }
    var roleSet = EnumSet.noneOf(Role.class);
    roles.forEach(r -> roleSet.add(Role.parse(r)));
    if (roleSet.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one role (--role; roles are " + Role.names() + ")");
    }
    for (String p : projectSet) {
      if (!issuer.mayAccess(p) || (p.equals(Principal.ALL_PROJECTS) && !issuer.allProjects())) {
        throw denied(issuer.id() + " may not issue tokens for project '" + p + "'");
      }
    }
    for (Role r : roleSet) {
      if (!issuer.has(r)) {
        throw denied(issuer.id() + " may not issue tokens with role '" + r + "' it does not hold");
      }
    }
    Instant now = clock.instant();
    Optional<Instant> expiry = parseExpiry(expires);
    if (expiry.isPresent() && !expiry.get().isAfter(now)) {
      throw new IllegalArgumentException("expiry " + expires + " is in the past");
    }
    var minted = TokenSecrets.mint();
    var token = new ApiToken(minted.id(), name.strip(), projectSet, roleSet, minted.salt(), minted.hash(), now,
        issuer.id(), expiry, Optional.empty());
    store.insert(token);
    return new Issued(minted.token(), token);
  }

  @Override
  public Result authenticate(String bearer) {
    var parsed = TokenSecrets.parse(bearer);
    if (parsed.isEmpty()) {
      return Authenticator.notMine();
    }
    var token = store.find(parsed.get().id()).filter(t -> TokenSecrets.matches(t, parsed.get().secret()));
    if (token.isEmpty()) {
      return Authenticator.invalid("unknown token");
    }
    if (token.get().revokedAt().isPresent()) {
      return Authenticator.invalid("token " + token.get().id() + " was revoked");
    }
    if (token.get().expiredAt(clock.instant())) {
      return Authenticator.invalid("token " + token.get().id() + " expired at " + token.get().expiresAt().get());
    }
    return Authenticator.valid(token.get().principal());
  }

  /** Tokens all of whose projects the viewer may act on (optionally only those valid for {@code project}). */
  public List<ApiToken> list(Principal viewer, String project) {
    return store.list().stream().filter(t -> visibleTo(viewer, t))
        .filter(t -> project == null || project.isBlank() || t.projects().contains(project)
            || t.projects().contains(Principal.ALL_PROJECTS))
        .toList();
  }

  /** NOT_FOUND for an unknown token and for one the revoker may not see (the same answer: nothing leaks). */
  public ApiToken revoke(Principal revoker, String id) {
    var token = store.find(id == null ? "" : id.strip()).filter(t -> visibleTo(revoker, t))
        .orElseThrow(() -> notFound("no token with id '" + id + "'"));
    Instant now = clock.instant();
    if (token.revokedAt().isEmpty()) {
      store.revoke(token.id(), now);
      return token.revoked(now);
    }
    return token;
  }

  /** The owning project of a token for the access rules: one of its projects the viewer may not see, if any. */
  public Optional<ApiToken> find(String id) {
    return store.find(id);
  }

  static boolean visibleTo(Principal viewer, ApiToken token) {
    if (viewer.allProjects()) {
      return true;
    }
    Set<String> projects = token.projects();
    return !projects.contains(Principal.ALL_PROJECTS) && projects.stream().allMatch(viewer::mayAccess);
  }

  static Optional<Instant> parseExpiry(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String t = text.strip();
      return Optional.of(t.contains("T") ? Instant.parse(t)
          : LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expiry '" + text + "' is neither a date (2027-06-30) nor an instant"
          + " (2027-06-30T12:00:00Z)");
    }
  }

  private static RuntimeException denied(String message) {
    return Status.PERMISSION_DENIED.withDescription(message).asRuntimeException();
  }

  private static RuntimeException notFound(String message) {
    return Status.NOT_FOUND.withDescription(message).asRuntimeException();
  }
}
