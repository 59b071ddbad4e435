package dev.bulwark.server.auth;

import dev.bulwark.v1.Identity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated caller: who it is, which projects it may act on ({@value #ALL_PROJECTS} for
 * every project) and with which roles.
 *
 * @param id       stable id, e.g. "token:3f2a…", "oidc:https://token.actions.githubusercontent.com#repo:acme/shop:ref:refs/heads/main", "service:gateway"
 * @param name     for people: the token's name, the OIDC subject, the certificate's name
 * @param kind     how it authenticated
 * @param projects projects it may act on
 * @param roles    roles it holds (see {@link Role#grants})
 * @param expires  when its credential stops being valid, if ever
 */
public record Principal(String id, String name, Kind kind, Set<String> projects, Set<Role> roles,
    Optional<Instant> expires) {
  public static final String ALL_PROJECTS = "*";

  /** How a caller proved who it is. */
  public enum Kind {
    /** An API token the gate issued. */
    TOKEN,
    /** An OIDC ID token of a configured issuer (a CI job). */
    OIDC,
    /** Another Bulwark service, by its TLS client certificate (or the embedded cluster's internal key). */
    SERVICE,
    /** Authentication is switched off (an insecure development setup): everything is allowed. */
    LOCAL
  }

  public Principal {
    projects = Set.copyOf(projects);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A Bulwark service, known by the name in its certificate. */
  public static Principal service(String name) {
    return new Principal("service:" + name, name, Kind.SERVICE, Set.of(), Set.of(), Optional.empty());
  }

  /** Everything allowed: what a server without authentication sees every caller as. */
  public static Principal local() {
    return new Principal("local", "local", Kind.LOCAL, Set.of(ALL_PROJECTS), EnumSet.allOf(Role.class),
        Optional.empty());
  }

  public boolean isService() {
    return kind == Kind.SERVICE;
  }

  /** True when it holds a role that grants {@code needed}. */
  public boolean has(Role needed) {
    return roles.stream().anyMatch(r -> r.grants(needed));
  }

  public boolean mayAccess(String project) {
    return projects.contains(ALL_PROJECTS) || projects.contains(project);
  }

  public boolean allProjects() {
    return projects.contains(ALL_PROJECTS);
  }

  /** On the wire ({@code WhoAmI}). */
  public Identity toProto() {
    var b = Identity.newBuilder().setId(id).setName(name).setKind(kind.name().toLowerCase(java.util.Locale.ROOT))
        .addAllProjects(new TreeSet<>(projects));
    roles.stream().sorted().forEach(r -> b.addRoles(r.wireName()));
    expires.ifPresent(e -> b.setExpiresAt(DateTimeFormatter.ISO_INSTANT.format(e)));
    return b.build();
  }

  /** From the wire: what the gate answered to the gateway's {@code WhoAmI}. */
  public static Principal fromProto(Identity identity) {
    var roles = EnumSet.noneOf(Role.class);
    identity.getRolesList().forEach(r -> roles.add(Role.parse(r)));
    Kind kind = Kind.valueOf(identity.getKind().toUpperCase(java.util.Locale.ROOT));
    Optional<Instant> expires = identity.getExpiresAt().isBlank() ? Optional.empty()
        : Optional.of(Instant.parse(identity.getExpiresAt()));
    return new Principal(identity.getId(), identity.getName(), kind, Set.copyOf(identity.getProjectsList()), roles,
        expires);
  }
}
