package dev.bulwark.cli;

import dev.bulwark.cli.init.CiSystem;
import dev.bulwark.cli.init.StarterFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark init}: a starter policy, the CI pipeline and the pre-commit hook for a repository. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Set a repository up for Bulwark: a starter .bulwark/policy.yaml, the pipeline of its CI system"
        + " (GitHub Actions, GitLab CI or Jenkins, detected from what the repository holds; --ci to choose) around"
        + " the released thin client bulwark-cli, and a hook for the pre-commit framework (.pre-commit-hooks.yaml)."
        + " Existing files are kept unless --force.")
final class InitCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Option(names = "--path", paramLabel = "REPO", defaultValue = ".",
      description = "The repository (default: the current folder).")
  Path repo;

  @Option(names = "--ci", paramLabel = "SYSTEM", split = ",",
      description = "github, gitlab, jenkins or none; repeatable (default: detected).")
  List<String> ci = new ArrayList<>();

  @Option(names = "--force", description = "Replace files that exist (a project's own .gitlab-ci.yml or Jenkinsfile"
      + " is never replaced: the Bulwark pipeline goes beside it).")
  boolean force;

  @Option(names = "--gateway", paramLabel = "HOST:PORT",
      description = "The gateway the pipelines scan through (default: the CI variable BULWARK_GATEWAY).")
  String gateway;

  @Option(names = "--cli-url", paramLabel = "URL",
      description = "Where the pipelines download the bulwark-cli bundle, bulwark-cli-<version>-linux-x64.tar.gz"
          + " (default: the CI variable BULWARK_CLI_URL).")
  String cliUrl;

  @Option(names = "--cli-sha256", paramLabel = "HEX",
      description = "The bundle's SHA-256, checked before it is unpacked (default: the CI variable BULWARK_CLI_SHA256).")
  String cliSha256;

  InitCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(repo)) {
      throw new UserError("--path is not a folder: " + repo);
    }
    var systems = systems();
    var settings = new StarterFiles.Settings(gateway, cliUrl, cliSha256, defaultBranch(repo));
    for (var file : StarterFiles.plan(repo, systems, settings)) {
      var outcome = StarterFiles.write(repo, file, force);
      env.out().println(switch (outcome) {
        case WRITTEN -> "wrote    " + file.path();
        case REPLACED -> "replaced " + file.path();
        case KEPT -> "kept     " + file.path() + " (it exists; --force replaces it)";
      } + (file.note().isEmpty() || outcome == StarterFiles.Outcome.KEPT ? "" : ": " + file.note()));
    }
    if (systems.isEmpty() && ci.isEmpty()) {
      env.out().println("no CI system detected (no .github/, .gitlab-ci.yml or Jenkinsfile, no GitHub or GitLab"
          + " remote): run again with --ci github|gitlab|jenkins for a pipeline");
    }
    if (!systems.isEmpty()) {
      env.out().println("next: in your CI settings, set BULWARK_GATEWAY (host:port), BULWARK_CLI_URL and"
          + " BULWARK_CLI_SHA256 (where your organisation publishes bulwark-cli-" + ownVersion()
          + "-linux-x64.tar.gz, and its checksum) unless given here, and the secret BULWARK_TOKEN (a scan token)");
    }
    return Main.PASS;
  }

  private List<CiSystem> systems() {
    if (ci.isEmpty()) {
      return CiSystem.detect(repo);
    }
    var chosen = new LinkedHashSet<CiSystem>();
    for (String name : ci) {
      if (name.strip().equalsIgnoreCase("none")) {
        continue;
      }
      chosen.add(CiSystem.named(name).orElseThrow(() ->
          new UserError("unknown --ci '" + name + "': use github, gitlab, jenkins or none")));
    }
    return List.copyOf(chosen);
  }

  /** This CLI's release ("0.1.0" for a 0.1.0-SNAPSHOT build). */
  static String ownVersion() {
    return Optional.ofNullable(InitCommand.class.getPackage().getImplementationVersion())
        .map(v -> v.replace("-SNAPSHOT", "")).orElse("0.1.0");
  }

  /** The branch checked out, the one pull requests usually target; "main" outside git. */
  static String defaultBranch(Path repo) {
    var builder = new FileRepositoryBuilder().findGitDir(repo.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return "main";
    }
    try (var r = builder.build()) {
      String branch = r.getBranch();
      return branch == null || branch.matches("[0-9a-f]{40}") ? "main" : branch;
    } catch (IOException | RuntimeException e) {
      return "main";
    }
  }
}
