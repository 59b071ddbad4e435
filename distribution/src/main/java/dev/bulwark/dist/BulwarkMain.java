package dev.bulwark.dist;

import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import picocli.CommandLine;

/**
 * The full {@code bulwark} command line: the thin client's commands, run against the embedded
 * cluster when no gateway or gate is given, plus the commands that need the services or the
 * advisory database in this process ({@code cluster}, {@code db}, {@code explain}, {@code versions}).
 */
public final class BulwarkMain {
  private BulwarkMain() {}

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(new EmbeddedServices()), args));
  }

  /** Runs the command line and returns its exit code; never throws, never exits. */
  public static int run(CliEnvironment environment, String... args) {
    return Main.execute(commandLine(environment), environment, args);
  }

  /** The thin client's command line plus the distribution's own commands. */
  public static CommandLine commandLine(CliEnvironment environment) {
    var cli = Main.commandLine(environment);
    for (Class<?> command : new Class<?>[] {ClusterCommand.class, DbCommand.class, ExplainCommand.class,
        VersionsCommand.class}) {
      cli.addSubcommand(command);
    }
    return cli;
  }
}
