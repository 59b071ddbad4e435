package dev.bulwark.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.EventLoops;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a process that owns its gRPC event loops serves and calls on them, and stops them before it exits")
class EventLoopsTest {
  @AfterEach
  void release() {
    EventLoops.shutdown();
  }

  static List<Thread> loopThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("bulwark-grpc")).toList();
  }

  @Test
  void serverAndChannelRunOnTheOwnedLoopsAndNoneOfTheirThreadsOutliveShutdown() throws Exception {
    EventLoops.own();
    assertThat(EventLoops.owned()).isTrue();
    var server = ManagedGrpcServer.onLoopback("loops", 0);
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var status = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus();
      assertThat(status).isEqualTo(ServingStatus.SERVING);
      assertThat(loopThreads()).as("the server and the channel run on this process's loops").isNotEmpty()
          .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    } finally {
      Channels.close(channel);
      server.stop();
    }
    EventLoops.shutdown();
    assertThat(EventLoops.owned()).isFalse();
    assertThat(loopThreads()).as("no loop thread left waiting in epoll at exit").isEmpty();
  }

  @Test
  void withoutOwningTheProcessKeepsGrpcsDefaults() throws Exception {
    assertThat(EventLoops.owned()).isFalse();
    var server = ManagedGrpcServer.onLoopback("defaults", 0);
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
      assertThat(loopThreads()).isEmpty();
    } finally {
      Channels.close(channel);
      server.stop();
    }
  }
}
