package dev.bulwark.server.grpc;

import dev.bulwark.common.grpc.Refusal;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception that escapes a service method into a gRPC status with a precise
 * description, never a stack trace: a {@link Refusal} → the status of its reason
 * (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, PERMISSION_DENIED, UNAUTHENTICATED,
 * RESOURCE_EXHAUSTED) with its message; {@link IllegalArgumentException} → INVALID_ARGUMENT;
 * a {@link StatusRuntimeException} keeps its status; anything else → INTERNAL (logged here with
 * its stack trace). Services throw; none maps statuses itself.
 */
public final class ExceptionMappingInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappingInterceptor.class);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    var listener = next.startCall(call, headers);
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      private void guard(Runnable step) {
        try {
          step.run();
        } catch (RuntimeException e) {
          Status status = toStatus(e, call.getMethodDescriptor().getFullMethodName());
          try {
            call.close(status, new Metadata());
          } catch (IllegalStateException alreadyClosed) {
            LOG.debug("call already closed", alreadyClosed);
          }
        }
      }
    };
  }

  static Status toStatus(Throwable e, String method) {
    if (e instanceof StatusRuntimeException sre) {
      return sre.getStatus();
    }
    if (e.getCause() instanceof StatusException se) {
      return se.getStatus();
    }
    if (e instanceof Refusal r) {
      return code(r.reason()).withDescription(r.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage());
    }
    LOG.error("{} failed", method, e);
    return Status.INTERNAL.withDescription(method + " failed: " + e);
  }

  /** The one table from refusal reasons to gRPC statuses. */
  static Status code(Refusal.Reason reason) {
    return switch (reason) {
      case INVALID -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case PRECONDITION -> Status.FAILED_PRECONDITION;
      case DENIED -> Status.PERMISSION_DENIED;
      case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
      case EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
    };
  }
}
