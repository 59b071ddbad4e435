package dev.bulwark.cli.it;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wraps a real service so that its first streamed {@code Scan} message is held until the test
 * says so: the test can then kill the server while the scan is certainly in flight.
 */
final class PausingService {
  private PausingService() {}

  static EmbeddedService pauseAfterFirstFinding(EmbeddedService real, CompletableFuture<Void> reached,
      CompletableFuture<Void> release) {
    ServerInterceptor pause = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        if (!call.getMethodDescriptor().getBareMethodName().equals("Scan")) {
          return next.startCall(call, headers);
        }
        return next.startCall(new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            if (reached.complete(null)) {
              release.orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
            super.sendMessage(message);
          }
        }, headers);
      }
    };
    return new EmbeddedService() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public int startOrder() {
        return real.startOrder();
      }

      @Override
      public List<BindableService> create(EmbeddedContext context) throws Exception {
        return real.create(context).stream()
            .map(s -> (BindableService) () -> ServerInterceptors.intercept(s, pause)).toList();
      }
    };
  }
}
