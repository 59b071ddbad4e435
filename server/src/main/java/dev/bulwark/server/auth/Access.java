package dev.bulwark.server.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What one method requires of its caller: a row of {@link AccessRules}. Either a peer service
 * (by its certificate), any authenticated caller, or one of some roles within a project the
 * request names (or owns through the resource it names).
 */
public sealed interface Access {

  /** Only these Bulwark services (their TLS certificate names) may call. */
  record Peers(Set<String> services) implements Access {}

  /** Any authenticated caller (e.g. "who am I"). */
  record Authenticated() implements Access {}

  /** A caller holding one of {@code roles}, for the project {@code scope} finds in the request. */
  record Roles(Set<Role> roles, Scope<?> scope) implements Access {}

  /** Which project a request is about. */
  sealed interface Scope<Q> {
    /** The method is about no one project (the service itself scopes what it returns). */
    record None<Q>() implements Scope<Q> {}

    /** The request names the project. */
    record Project<Q>(Function<Q, String> project) implements Scope<Q> {}

    /** The request names a project, or none meaning every project (only for callers of every project). */
    record ProjectOrAll<Q>(Function<Q, String> project) implements Scope<Q> {}

    /**
     * The request names a resource (a scan, a suppression) whose project the service knows
     * ({@link ResourceOwners}). With {@code ownerOnlyBelow} set, callers holding that role but no
     * higher one (e.g. {@code scan} without {@code read}) may only reach resources they created.
     */
    record Resource<Q>(ResourceOwners.Kind kind, Function<Q, String> id, Role ownerOnlyBelow) implements Scope<Q> {}
  }

  static Access peers(String... services) {
    return new Peers(Set.of(services));
  }

  static Access authenticated() {
    return new Authenticated();
  }

  static Access role(Role role) {
    return new Roles(EnumSet.of(role), new Scope.None<>());
  }

  static <Q> Access role(Role role, Scope<Q> scope) {
    return new Roles(EnumSet.of(role), scope);
  }

  static <Q> Access anyRole(Scope<Q> scope, Role first, Role... more) {
    return new Roles(EnumSet.of(first, more), scope);
  }

  static <Q> Scope<Q> project(Function<Q, String> project) {
    return new Scope.Project<>(project);
  }

  static <Q> Scope<Q> projectOrAll(Function<Q, String> project) {
    return new Scope.ProjectOrAll<>(project);
  }

  static <Q> Scope<Q> resource(ResourceOwners.Kind kind, Function<Q, String> id) {
    return new Scope.Resource<>(kind, id, null);
  }

  /** A resource that callers with only {@code ownerOnlyBelow} may reach only when they created it. */
  static <Q> Scope<Q> ownResource(ResourceOwners.Kind kind, Function<Q, String> id, Role ownerOnlyBelow) {
    return new Scope.Resource<>(kind, id, ownerOnlyBelow);
  }
}
