package dev.bulwark.dist;

import dev.bulwark.common.grpc.EventLoops;
import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.CommandSelection;
import dev.bulwark.cli.Main;
import dev.bulwark.dist.check.CheckCommand;
import dev.bulwark.server.embedded.StartupTrace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The full {@code bulwark} command line: the thin client's commands, run against the embedded
 * cluster when no gateway or gate is given, plus the commands that need the services or the
 * advisory database in this process ({@code check}, {@code cluster}, {@code db}, {@code explain},
 * {@code versions}).
 */
public final class BulwarkMain {
  private BulwarkMain() {}

  public static void main(String[] args) {
    StartupTrace.mark("main");
    EventLoops.own();   // stopped before exit: gRPC's shared loops would hold the JVM's exit 300 ms
    int code = run(CliEnvironment.system(new EmbeddedServices()), args);
    StartupTrace.mark("command done");
    EventLoops.shutdown();
    StartupTrace.mark("event loops stopped, exit " + code);
    System.exit(code);
  }

  /** The distribution's own commands, listed after the thin client's. */
  static final List<Class<?>> OWN_COMMANDS = List.of(CheckCommand.class, ClusterCommand.class, DbCommand.class,
      ExplainCommand.class, VersionsCommand.class);

  /** Runs the command line (with the commands the arguments need) and returns its exit code; never throws, never exits. */
  public static int run(CliEnvironment environment, String... args) {
    return Main.execute(Main.commandLine(environment, CommandSelection.needed(commands(), args)), environment, args);
  }

  /** The thin client's command line plus the distribution's own commands. */
  public static CommandLine commandLine(CliEnvironment environment) {
    return Main.commandLine(environment, commands());
  }

  private static List<Class<?>> commands() {
    var all = new ArrayList<>(Main.COMMANDS);
    all.addAll(OWN_COMMANDS);
    return all;
  }
}
