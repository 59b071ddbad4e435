package dev.bulwark.cli;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.GateGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The gate the gate commands ({@code decisions}, {@code suppress}, {@code override}) talk to:
 * a remote gate-service ({@code --gate HOST:PORT}) or, without it and in the full distribution,
 * the embedded gate alone on a loopback port, opening the same database under {@code $BULWARK_HOME} the embedded
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

    @Mixin
    Credentials credentials = new Credentials();
  }

  private final String target;
  private final ManagedChannel channel;
  private final LocalCluster local;

  private GateConnection(String target, ManagedChannel channel, LocalCluster local) {
    this.target = target;
    this.channel = channel;
    this.local = local;
  }

  /** Connects to {@code address}, or starts the local gate when it is null. */
  static GateConnection open(CliEnvironment env, Address options) {
    String address = options.gate;
    Credentials credentials = options.credentials;
    if (address != null) {
      try {
        return new GateConnection(address, Channels.forTarget(address, credentials.remote(env)), null);
      } catch (IllegalArgumentException e) {
        throw new UserError("bad gate address '" + address + "': " + e.getMessage(), e);
      }
    }
    LocalCluster local;
    try {
      local = env.local().gate();
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    try {
      env.progress("starting the embedded gate on " + env.home().resolve("gate"));
      local.start(new LocalCluster.Settings(env.home(), Optional.empty(), env.serviceOptions(), 0));
      String target = local.target("gate");
      return new GateConnection(target, Channels.forTarget(target, credentials.local(env)), local);
    } catch (RuntimeException e) {
      local.close();
      throw new UserError("cannot start the embedded gate on " + env.home().resolve("gate") + ": " + rootMessage(e)
          + " (is `bulwark cluster` using it? then pass --gate localhost:7074)", e);
    }
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
    return refusalsAsUserErrors(() -> call.apply(GateGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)));
  }

  /** A call to the gate's Auth service (tokens, who am I), with the same error handling. */
  <T> T auth(Function<AuthGrpc.AuthBlockingStub, T> call) {
    return refusalsAsUserErrors(() -> call.apply(AuthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)));
  }

  private <T> T refusalsAsUserErrors(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      String why = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
      throw new UserError(switch (s.getCode()) {
        case UNAVAILABLE -> "cannot reach the gate at " + target + " (" + why + ")";
        case DEADLINE_EXCEEDED -> "the gate at " + target + " did not answer within " + DEADLINE_SECONDS + "s";
        case UNIMPLEMENTED -> "the gate at " + target + " is too old for this command (" + why + ")";
        case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS, PERMISSION_DENIED -> why;
        case UNAUTHENTICATED -> "not authenticated by the gate at " + target + ": " + why;
        default -> "the gate at " + target + " failed: " + s.getCode() + ": " + why;
      }, e);
    }
  }

  @Override
  public void close() {
    Channels.close(channel);
    if (local != null) {
      local.close();
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
