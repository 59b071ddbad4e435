package dev.bulwark.server.auth.token;

import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.Role;
import dev.bulwark.v1.TokenInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An API token as stored: never its secret, only a salted SHA-256 of it.
 *
 * @param id        public id (16 hex digits), the part after "bwk_"
 * @param salt      random salt, hex
 * @param hash      SHA-256 of salt and secret, hex
 * @param createdBy identity id of its creator
 */
public record ApiToken(String id, String name, Set<String> projects, Set<Role> roles, String salt, String hash,
    Instant createdAt, String createdBy, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

  public ApiToken {
    projects = Set.copyOf(projects);
    roles = Set.copyOf(roles);
  }

  public boolean expiredAt(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }

  /** Who presents this token. */
  public Principal principal() {
    return new Principal("token:" + id, name, Principal.Kind.TOKEN, projects, roles, expiresAt);
  }

  public ApiToken revoked(Instant at) {
    return new ApiToken(id, name, projects, roles, salt, hash, createdAt, createdBy, expiresAt, Optional.of(at));
  }

  public TokenInfo toProto() {
    var b = TokenInfo.newBuilder().setId(id).setName(name).addAllProjects(new TreeSet<>(projects))
        .setCreatedAt(DateTimeFormatter.ISO_INSTANT.format(createdAt)).setCreatedBy(createdBy);
    roles.stream().sorted().forEach(r -> b.addRoles(r.wireName()));
    expiresAt.ifPresent(e -> b.setExpiresAt(DateTimeFormatter.ISO_INSTANT.format(e)));
    revokedAt.ifPresent(r -> b.setRevokedAt(DateTimeFormatter.ISO_INSTANT.format(r)));
    return b.build();
  }
}
