package dev.bulwark.common.grpc;

/**
 * A service refuses a request for a reason the caller can act on. Domain code throws it;
 * {@code dev.bulwark.server.grpc.ExceptionMappingInterceptor}, the one place that knows gRPC statuses, turns its
 * {@link Reason} into the matching status with this message as the description (and logs no
 * stack trace: a refusal is an answer, not a failure). Subclasses may carry data for in-process
 * callers (e.g. the digests a content store lacks).
 */
public class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request is refused; each maps to one gRPC status code. */
  public enum Reason {
    /** The request itself is wrong (a field missing or malformed): INVALID_ARGUMENT. */
    INVALID,
    /** What the request names does not exist (or the caller may not know it does): NOT_FOUND. */
    NOT_FOUND,
    /** The request is well-formed but the state does not allow it: FAILED_PRECONDITION. */
    PRECONDITION,
    /** The caller is known but may not do this: PERMISSION_DENIED. */
    DENIED,
    /** The caller could not be identified: UNAUTHENTICATED. */
    UNAUTHENTICATED,
    /** A quota or size limit was reached: RESOURCE_EXHAUSTED. */
    EXHAUSTED
  }

  private final Reason reason;

  protected Refusal(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public static Refusal invalid(String message) {
    return new Refusal(Reason.INVALID, message);
  }

  public static Refusal notFound(String message) {
    return new Refusal(Reason.NOT_FOUND, message);
  }

  public static Refusal precondition(String message) {
    return new Refusal(Reason.PRECONDITION, message);
  }

  public static Refusal denied(String message) {
    return new Refusal(Reason.DENIED, message);
  }

  public static Refusal unauthenticated(String message) {
    return new Refusal(Reason.UNAUTHENTICATED, message);
  }

  public static Refusal exhausted(String message) {
    return new Refusal(Reason.EXHAUSTED, message);
  }

  public Reason reason() {
    return reason;
  }
}
