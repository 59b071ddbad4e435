package dev.bulwark.gateway.core;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.GateGrpc;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;

/** Asks the gate for a decision. Thin: failures surface as {@link io.grpc.StatusRuntimeException}. */
final class GateCaller implements AutoCloseable {
  private final String target;
  private final ManagedChannel channel;

  GateCaller(String target, ClientSecurity security) {
    this.target = target;
    this.channel = Channels.forTarget(target, security);
  }

  String target() {
    return target;
  }

  EvaluateResponse evaluate(EvaluateRequest request, Deadline deadline) {
    return GateGrpc.newBlockingStub(channel).withDeadline(deadline).evaluate(request);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
