package dev.bulwark.cli;

import dev.bulwark.cli.hook.PreCommitHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark hook install}: a git pre-commit hook that checks the staged content ({@code bulwark check --staged}). */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = "Git hooks that run bulwark before a commit.", subcommands = HookCommand.Install.class)
final class HookCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (install)");
  }

  /** {@code bulwark hook install [--path REPO] [--force] [--bulwark CMD]}. */
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install a pre-commit hook that checks the staged content in-process (bulwark check --staged)"
          + " and blocks a commit on FAIL or ERROR.%n"
          + "Skip it once with `git commit --no-verify`.")
  static final class Install implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--path", paramLabel = "REPO", defaultValue = ".",
        description = "The git repository (default: the current folder).")
    Path repo;

    @Option(names = "--force", description = "Replace a pre-commit hook bulwark did not write (kept aside).")
    boolean force;

    @Option(names = "--bulwark", paramLabel = "CMD",
        description = "The bulwark executable the hook runs (default: the launcher or jar running now).")
    Path bulwark;

    Install(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(repo)) {
        throw new UserError("--path is not a folder: " + repo);
      }
      Path hook = hookFile(repo);
      List<String> command = bulwark != null ? List.of(bulwark.toAbsolutePath().normalize().toString()) : running();
      try {
        var outcome = PreCommitHook.install(hook, command, force);
        env.out().println(switch (outcome) {
          case INSTALLED -> "installed";
          case UPDATED -> "updated";
          case REPLACED_FOREIGN -> "replaced the previous hook (kept as pre-commit.before-bulwark) with";
        } + " the bulwark pre-commit hook: " + hook);
        env.out().println("it runs: " + String.join(" ", command) + " check --staged");
      } catch (PreCommitHook.ForeignHookException e) {
        throw new UserError(e.getMessage(), e);
      }
      return Main.PASS;
    }
  }

  /** Where git looks for the pre-commit hook (honours worktrees and core.hooksPath). */
  static Path hookFile(Path repo) {
    String out;
    try {
      var process = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--git-path", "hooks/pre-commit")
          .redirectErrorStream(true).start();
      out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new UserError("not a git repository: " + repo.toAbsolutePath() + " (" + out.lines().findFirst()
            .orElse("git rev-parse failed") + ")");
      }
    } catch (IOException e) {
      throw new UserError("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while asking git for the hooks folder", e);
    }
    return repo.toAbsolutePath().resolve(out).normalize();
  }

  /**
   * The command running this CLI: the repository's {@code bulwark} launcher when the jar is its
   * {@code distribution/target/bulwark.jar} (it rebuilds a stale jar), else {@code java -jar} on
   * the jar that {@code java -jar} started (the thin client's or the full distribution's), with the
   * launchers' JVM flags for a short run and the jar's class-data-sharing archive when one is beside it.
   */
  static List<String> running() {
    Path codeSource;
    try {
      codeSource = Path.of(System.getProperty("java.class.path", "")).toAbsolutePath();
    } catch (RuntimeException e) {
      throw new UserError("cannot tell where the bulwark CLI is; pass --bulwark PATH", e);
    }
    return running(codeSource, Path.of(System.getProperty("java.home")));
  }

  /** {@link #running()} for a given code source (jar or classes folder) and Java home. */
  static List<String> running(Path codeSource, Path javaHome) {
    if (!Files.isRegularFile(codeSource)) {
      throw new UserError("bulwark is not running from a jar (" + codeSource + "); pass --bulwark PATH to the launcher");
    }
    Path target = codeSource.getParent();
    if (target != null && target.getParent() != null && target.getParent().getParent() != null) {
      Path launcher = target.getParent().getParent().resolve("bulwark");
      if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
        return List.of(launcher.toString());
      }
    }
    var command = new ArrayList<String>(List.of(javaHome.resolve("bin").resolve("java").toString()));
    command.addAll(SHORT_RUN);
    // the jar's class-data-sharing archive, as the launcher passes it; the JVM checks that it still matches
    // the jar and the JDK at every start, and runs without it (silently) when not
    String name = codeSource.getFileName().toString();
    Path archive = codeSource.resolveSibling(name.replaceFirst("\\.jar$", "") + ".jsa");
    if (Files.isRegularFile(archive)) {
      command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    command.addAll(List.of("-jar", codeSource.toString()));
    return command;
  }

  /** JVM flags for a command line, as the launchers pass them: C1 only (C2's compilations do not pay back in a hook's run). */
  static final List<String> SHORT_RUN = List.of("-XX:TieredStopAtLevel=1");
}
