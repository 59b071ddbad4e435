package dev.bulwark.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code bulwark} command line. Exit codes: 0 PASS, 1 FAIL, 2 ERROR, bad input or usage
 * error.
 */
@Command(name = "bulwark", mixinStandardHelpOptions = true, version = "bulwark 0.1.0",
    description = "Security scanning for CI/CD pipelines: code, dependencies and container images.",
    subcommands = {ScanCommand.class, ClusterCommand.class, ExplainCommand.class, VersionsCommand.class,
        DbCommand.class, DecisionsCommand.class, SuppressCommand.class, PolicyCommand.class, OverrideCommand.class,
        HookCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int PASS = 0;
  public static final int FAIL = 1;
  public static final int ERROR = 2;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs the command line and returns its exit code; never throws, never exits. */
  public static int run(CliEnvironment environment, String... args) {
    var cli = new CommandLine(new Main(), new Factory(environment));
    cli.setOut(new PrintWriter(environment.out(), true));
    cli.setErr(new PrintWriter(environment.err(), true));
    cli.setParameterExceptionHandler((e, badArgs) -> {
      environment.err().println("bulwark: " + e.getMessage());
      environment.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ERROR;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UserError) {
        environment.err().println("bulwark: " + e.getMessage());
      } else {
        environment.err().println("bulwark: internal error: " + e);
      }
      return ERROR;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (scan, cluster, explain, versions, db, decisions, suppress, policy, override, hook)");
  }

  /** Gives the commands their environment. */
  private record Factory(CliEnvironment environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      // Commands that talk to the outside world take the environment in their constructor.
      try {
        var constructor = type.getDeclaredConstructor(CliEnvironment.class);
        constructor.setAccessible(true);
        return constructor.newInstance(environment);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
