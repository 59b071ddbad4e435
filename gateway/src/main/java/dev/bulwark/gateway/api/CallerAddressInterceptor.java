package dev.bulwark.gateway.api;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;

/**
 * Puts the local address a call arrived on ("host:port") into the gRPC context. When no
 * advertise address is configured, that is how scanners reach this gateway's content store:
 * in the embedded cluster the gateway's port is only known once it is listening.
 */
final class CallerAddressInterceptor implements ServerInterceptor {
  static final Context.Key<String> LOCAL_ADDRESS = Context.key("bulwark-local-address");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    var local = call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR);
    if (local instanceof InetSocketAddress inet) {
      String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      if (host.contains(":")) {
        host = "[" + host + "]";
      }
      return Contexts.interceptCall(Context.current().withValue(LOCAL_ADDRESS, host + ":" + inet.getPort()),
          call, headers, next);
    }
    return next.startCall(call, headers);
  }
}
