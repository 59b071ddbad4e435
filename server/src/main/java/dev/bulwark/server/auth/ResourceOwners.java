package dev.bulwark.server.auth;

import java.util.Optional;

/**
 * Which project (and which caller) a resource named in a request belongs to, as the service
 * holding it knows: the gateway for its scans, the gate for suppressions and decisions. Empty
 * for an id it does not know (the service then answers NOT_FOUND itself).
 */
@FunctionalInterface
public interface ResourceOwners {
  /** The kinds of resources requests name by id. */
  enum Kind {
    /** A scan the gateway runs or ran (by scan id). */
    SCAN,
    /** A decision the gate keeps (by scan id). */
    DECISION,
    /** A central suppression (by id). */
    SUPPRESSION,
    /** An API token (by id). */
    TOKEN
  }

  /**
   * @param project   the project it belongs to
   * @param principal the id of the caller who created it ({@link Principal#id()}), empty when unknown
   */
  record Owner(String project, String principal) {}

  Optional<Owner> owner(Kind kind, String id);

  /** A service that holds no resources. */
  ResourceOwners NONE = (kind, id) -> Optional.empty();
}
