package dev.bulwark.gate.dashboard;

import dev.bulwark.common.grpc.Refusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** A {@link Refusal} as the dashboard's API answers it: the HTTP status of its reason and {@code {"error": message}}. */
public final class RefusalMapper implements ExceptionMapper<Refusal> {
  @Override
  public Response toResponse(Refusal refusal) {
    int status = switch (refusal.reason()) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case DENIED -> 403;
      case NOT_FOUND -> 404;
      case PRECONDITION -> 409;
      case EXHAUSTED -> 429;
    };
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", refusal.getMessage())).build();
  }
}
