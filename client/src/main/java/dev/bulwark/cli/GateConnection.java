package dev.bulwark.cli;

import dev.bulwark.common.embedded.EmbeddedContext;
import dev.bulwark.common.embedded.EmbeddedService;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ManagedGrpcServer;
import dev.bulwark.v1.GateGrpc;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The gate the gate commands ({@code decisions}, {@code suppress}, {@code override}) talk to:
 * a remote gate-service ({@code --gate HOST:PORT}) or, without it, the embedded gate alone on a
 * loopback port, opening the same database under {@code $BULWARK_HOME} the embedded
 * {@code bulwark scan} writes, and stopped on {@link #close()}.
 */
final class GateConnection implements AutoCloseable {
  /** How long one gate call may take. */
  static final long DEADLINE_SECONDS = 60;

  /** The {@code --gate} option, shared by every gate command. */
  static final class Address {
    @Option(names = "--gate", paramLabel = "HOST:PORT",
        description = "Gate service to use; without it the gate runs embedded on the database of $BULWARK_HOME.")
    String gate;
  }

  private final String target;
  private final ManagedChannel channel;
  private final ManagedGrpcServer server;
  private final EmbeddedContext context;

  private GateConnection(String target, ManagedChannel channel, ManagedGrpcServer server, EmbeddedContext context) {
    this.target = target;
    this.channel = channel;
    this.server = server;
    this.context = context;
  }

  /** Connects to {@code address}, or starts the embedded gate when it is null. */
  static GateConnection open(CliEnvironment env, String address) {
    if (address != null) {
      try {
        return new GateConnection(address, Channels.forTarget(address), null, null);
      } catch (IllegalArgumentException e) {
        throw new UserError("bad gate address '" + address + "': " + e.getMessage(), e);
      }
    }
    var service = embeddedGate();
    var context = new EmbeddedContext(env.home(), Optional.empty(), java.util.Map.of(), ClusterCommand.options(env));
    ManagedGrpcServer server = null;
    try {
      env.progress("starting the embedded gate on " + env.home().resolve("gate"));
      server = ManagedGrpcServer.onLoopback("gate", 0, service.create(context).toArray(BindableService[]::new));
      server.start();
      return new GateConnection(server.target(), Channels.forTarget(server.target()), server, context);
    } catch (Exception e) {
      if (server != null) {
        server.kill();
      }
      closeAll(context);
      throw new UserError("cannot start the embedded gate on " + env.home().resolve("gate") + ": " + rootMessage(e)
          + " (is `bulwark cluster` using it? then pass --gate localhost:7074)", e);
    }
  }

  private static EmbeddedService embeddedGate() {
    for (EmbeddedService s : ServiceLoader.load(EmbeddedService.class)) {
      if (s.name().equals("gate")) {
        return s;
      }
    }
    throw new UserError("the embedded gate is not on the classpath (build the full client with "
        + "`./mvnw -pl client -am package`, or pass --gate HOST:PORT)");
  }

  /** Address of the gate, e.g. for messages. */
  String target() {
    return target;
  }

  /**
   * Makes one call; a refusal (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ...) becomes a
   * {@link UserError} carrying the gate's own message, an unreachable gate one naming the address.
   */
  <T> T call(Function<GateGrpc.GateBlockingStub, T> call) {
    try {
      return call.apply(GateGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      String why = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
      throw new UserError(switch (s.getCode()) {
        case UNAVAILABLE -> "cannot reach the gate at " + target + " (" + why + ")";
        case DEADLINE_EXCEEDED -> "the gate at " + target + " did not answer within " + DEADLINE_SECONDS + "s";
        case UNIMPLEMENTED -> "the gate at " + target + " is too old for this command (" + why + ")";
        case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS, PERMISSION_DENIED -> why;
        default -> "the gate at " + target + " failed: " + s.getCode() + ": " + why;
      }, e);
    }
  }

  @Override
  public void close() {
    Channels.close(channel);
    if (server != null) {
      try {
        server.stop();
      } catch (InterruptedException e) {
        server.kill();
        Thread.currentThread().interrupt();
      }
      closeAll(context);
    }
  }

  private static void closeAll(EmbeddedContext context) {
    var closeables = new ArrayList<>(context.closeables());
    Collections.reverse(closeables);
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception ignored) {
        // best effort: the process is about to end
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage()).lines().findFirst().orElse(t.toString());
  }
}
