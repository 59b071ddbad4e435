package dev.bulwark.server.auth;

import io.grpc.Status;
import java.util.Optional;

/**
 * The project half of an {@link Access.Roles} rule: is the project a request is about (named in
 * it, or owning the resource it names) one of the caller's? Refusals name only what the caller
 * sent (its project, its id), never the project a resource really belongs to.
 */
final class ProjectGuard {
  /** @param refusal null when allowed; @param auditProject the project for the audit event */
  record Verdict(Status refusal, String auditProject) {
    static final Verdict ALLOWED = new Verdict(null, "");
  }

  private final Access.Roles rule;
  private final ResourceOwners owners;

  ProjectGuard(Access.Roles rule, ResourceOwners owners) {
    this.rule = rule;
    this.owners = owners;
  }

  @SuppressWarnings("unchecked")
  <Q> Verdict check(Principal principal, Q request) {
    if (principal.kind() == Principal.Kind.LOCAL) {
      return Verdict.ALLOWED;
    }
    var scope = (Access.Scope<Q>) rule.scope();
    if (scope instanceof Access.Scope.Project<Q> p) {
      return project(principal, p.project().apply(request), false);
    }
    if (scope instanceof Access.Scope.ProjectOrAll<Q> p) {
      return project(principal, p.project().apply(request), true);
    }
    if (scope instanceof Access.Scope.Resource<Q> r) {
      return resource(principal, r, r.id().apply(request));
    }
    return Verdict.ALLOWED;
  }

  private static Verdict project(Principal principal, String project, boolean blankMeansAll) {
    if (project == null || project.isBlank()) {
      if (principal.allProjects()) {
        return Verdict.ALLOWED; // the service validates the request itself
      }
      return new Verdict(blankMeansAll
          ? Status.PERMISSION_DENIED.withDescription(principal.id() + " may not list every project: name one of its"
              + " projects (" + String.join(", ", new java.util.TreeSet<>(principal.projects())) + ")")
          : Status.INVALID_ARGUMENT.withDescription("project is required"), "");
    }
    if (principal.mayAccess(project)) {
      return Verdict.ALLOWED;
    }
    return new Verdict(Status.PERMISSION_DENIED.withDescription(principal.id() + " may not act on project '"
        + project + "'"), project);
  }

  private <Q> Verdict resource(Principal principal, Access.Scope.Resource<Q> r, String id) {
    if (id == null || id.isBlank()) {
      return Verdict.ALLOWED; // the service says which field is missing
    }
    Optional<ResourceOwners.Owner> owner = owners.owner(r.kind(), id);
    if (owner.isEmpty()) {
      return Verdict.ALLOWED; // unknown: the service answers NOT_FOUND
    }
    String kind = r.kind().name().toLowerCase(java.util.Locale.ROOT);
    var denied = new Verdict(Status.PERMISSION_DENIED.withDescription(principal.id() + " may not access " + kind
        + " '" + id + "'"), owner.get().project());
    if (!principal.mayAccess(owner.get().project())) {
      return denied;
    }
    if (r.ownerOnlyBelow() != null) {
      boolean higher = rule.roles().stream().anyMatch(role -> role != r.ownerOnlyBelow() && principal.has(role));
      if (!higher && !principal.id().equals(owner.get().principal())) {
        return denied;
      }
    }
    return Verdict.ALLOWED;
  }
}
