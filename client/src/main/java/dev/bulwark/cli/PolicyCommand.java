package dev.bulwark.cli;

import dev.bulwark.v1.GetProjectPolicyRequest;
import dev.bulwark.v1.ProjectPolicy;
import dev.bulwark.v1.SetProjectPolicyRequest;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark policy set|show|clear}: a project's central policy, stored by the gate between the
 * built-in default and the repository's {@code .bulwark/policy.yaml}. The gate compiles it before
 * storing; its refusal (naming the error and its line) is shown as one line, exit 2.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Manage a project's central policy (stored by the gate; says what repositories may tighten).",
    subcommands = {PolicyCommand.SetPolicy.class, PolicyCommand.ShowPolicy.class, PolicyCommand.ClearPolicy.class})
final class PolicyCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (set, show, clear)");
  }

  /** {@code bulwark policy set --project P FILE}. */
  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Store FILE as the project's central policy; the gate refuses one that does not compile.")
  static final class SetPolicy implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Option(names = "--project", paramLabel = "P", required = true, description = "The project it governs.")
    String project;

    @Option(names = "--by", paramLabel = "NAME", description = "Who sets it (default: the user name).")
    String by;

    @Parameters(paramLabel = "FILE", description = "The policy (YAML, the .bulwark/policy.yaml format plus repo:).")
    Path file;

    SetPolicy(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      String text = read(file);
      if (text.isBlank()) {
        throw new UserError(file + " is empty: use `bulwark policy clear --project " + project + "` to remove a policy");
      }
      ProjectPolicy stored;
      try (var gate = GateConnection.open(env, address)) {
        stored = gate.call(stub -> stub.setProjectPolicy(SetProjectPolicyRequest.newBuilder().setProject(project)
            .setPolicy(text).setSetBy(by != null ? by : System.getProperty("user.name", "unknown")).build()));
      }
      env.out().println("central policy of " + stored.getProject() + " set: version " + stored.getVersion()
          + ", repositories may " + stored.getRepoAllow());
      return Main.PASS;
    }
  }

  /** {@code bulwark policy show --project P}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the project's central policy (its text on stdout, who set it on stderr).")
  static final class ShowPolicy implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Option(names = "--project", paramLabel = "P", required = true, description = "The project.")
    String project;

    ShowPolicy(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      ProjectPolicy p;
      try (var gate = GateConnection.open(env, address)) {
        p = gate.call(stub -> stub.getProjectPolicy(GetProjectPolicyRequest.newBuilder().setProject(project).build()));
      }
      // The text alone on stdout, so `bulwark policy show ... > policy.yaml` round-trips.
      env.err().println("# central policy of " + p.getProject() + ", version " + p.getVersion() + ", set by "
          + p.getSetBy() + " at " + p.getSetAt() + "; repositories may " + p.getRepoAllow());
      env.out().print(p.getPolicy().endsWith("\n") ? p.getPolicy() : p.getPolicy() + "\n");
      env.out().flush();
      return Main.PASS;
    }
  }

  /** {@code bulwark policy clear --project P}. */
  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Remove the project's central policy (repositories' own policies decide again).")
  static final class ClearPolicy implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Option(names = "--project", paramLabel = "P", required = true, description = "The project.")
    String project;

    @Option(names = "--by", paramLabel = "NAME", description = "Who removes it (default: the user name).")
    String by;

    ClearPolicy(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (var gate = GateConnection.open(env, address)) {
        gate.call(stub -> stub.setProjectPolicy(SetProjectPolicyRequest.newBuilder().setProject(project)
            .setSetBy(by != null ? by : System.getProperty("user.name", "unknown")).build()));
      }
      env.out().println("central policy of " + project + " removed");
      return Main.PASS;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file, e);
    } catch (MalformedInputException e) {
      throw new UserError(file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
