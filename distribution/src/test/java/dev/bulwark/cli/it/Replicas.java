package dev.bulwark.cli.it;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.util.List;
import java.util.Queue;

/** Wraps embedded services for fail-over tests: a second replica under another name, and which replica got StartScan. */
final class Replicas {
  private Replicas() {}

  /** The same service as another replica, named {@code name}, started just after it. */
  static EmbeddedService named(EmbeddedService real, String name) {
    return new EmbeddedService() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int startOrder() {
        return real.startOrder() + 1;
      }

      /** A replica acts as the service it copies: the same identity towards scanners and the gate. */
      @Override
      public List<BindableService> create(EmbeddedContext context) throws Exception {
        return real.create(new EmbeddedContext(context.home(), context.advisories(), context.targets(),
            context.options(), context.closeables(), context.links(), context.killHooks(), real.name(),
            context.trust(), context.guard()));
      }
    };
  }

  /** Adds the service's name to {@code startedOn} whenever it receives a StartScan call. */
  static EmbeddedService recordingStartScan(EmbeddedService real, Queue<String> startedOn) {
    ServerInterceptor record = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        if (call.getMethodDescriptor().getBareMethodName().equals("StartScan")) {
          startedOn.add(real.name());
        }
        return next.startCall(call, headers);
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
            .map(s -> (BindableService) () -> ServerInterceptors.intercept(s, record)).toList();
      }
    };
  }
}
