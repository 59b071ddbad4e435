package dev.bulwark.cli;

import dev.bulwark.common.grpc.EventLoops;
import dev.bulwark.cli.local.LocalServices;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code bulwark} command line of the thin client: scans through a gateway and the gate's
 * commands through a gate. The full distribution adds its own commands (the embedded cluster,
 * the local advisory database) with {@link #commandLine}. Exit codes: 0 PASS, 1 FAIL, 2 ERROR,
 * bad input or usage error.
 */
@Command(name = "bulwark", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Security scanning for CI/CD pipelines: code, dependencies and container images.")
public final class Main implements Runnable {
  public static final int PASS = 0;
  public static final int FAIL = 1;
  public static final int ERROR = 2;

  /** The thin client's commands, in the order the usage lists them. */
  public static final List<Class<?>> COMMANDS = List.of(ScanCommand.class, DecisionsCommand.class,
      SuppressCommand.class, PolicyCommand.class, OverrideCommand.class, HookCommand.class, TokenCommand.class,
      InitCommand.class, CommandLine.HelpCommand.class);

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    EventLoops.own();   // stopped before exit: gRPC's shared loops would hold the JVM's exit 300 ms
    int code = run(CliEnvironment.system(LocalServices.NONE), args);
    EventLoops.shutdown();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code; never throws, never exits. */
  public static int run(CliEnvironment environment, String... args) {
    return execute(commandLine(environment, CommandSelection.needed(COMMANDS, args)), environment, args);
  }

  /**
   * Executes a command line built by {@link #commandLine}; an error the handlers do not see (a
   * missing class, a stack overflow) is one line and exit 2 too, never a stack trace.
   */
  public static int execute(CommandLine cli, CliEnvironment environment, String... args) {
    try {
      return cli.execute(args);
    } catch (LinkageError | StackOverflowError e) {
      environment.err().println("bulwark: internal error: " + e);
      return ERROR;
    }
  }

  /**
   * The command line with every command and its error handling, for {@code environment}; callers
   * may add subcommands (classes with a {@code CliEnvironment} constructor get the environment).
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, COMMANDS);
  }

  /** As {@link #commandLine(CliEnvironment)}, with these commands only ({@link CommandSelection}). */
  public static CommandLine commandLine(CliEnvironment environment, List<Class<?>> commands) {
    var cli = new CommandLine(new Main(), new Factory(environment));
    commands.forEach(cli::addSubcommand);
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
    return cli;
  }

  @Override
  public void run() {
    var names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required (" + String.join(", ", names) + ")");
  }

  /** The version the build wrote into the jar's manifest ("development" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"bulwark " + (v == null ? "(development build)" : v)};
    }
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
