package dev.bulwark.gate.core;

/**
 * The gate refuses a request, for a reason a client can act on; the transport maps {@link Kind}
 * to a gRPC status (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION) with this message.
 */
public final class GateRefusal extends RuntimeException {
  /** Why the request is refused. */
  public enum Kind { INVALID, NOT_FOUND, PRECONDITION }

  private final Kind kind;

  private GateRefusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public static GateRefusal invalid(String message) {
    return new GateRefusal(Kind.INVALID, message);
  }

  public static GateRefusal notFound(String message) {
    return new GateRefusal(Kind.NOT_FOUND, message);
  }

  public static GateRefusal precondition(String message) {
    return new GateRefusal(Kind.PRECONDITION, message);
  }

  public Kind kind() {
    return kind;
  }
}
