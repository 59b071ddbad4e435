package dev.bulwark.dist.check;

import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.cli.UserError;
import dev.bulwark.cli.report.ReportFormat;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.StartupTrace;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark check}: the fast local path. Files are analysed in this process (no cluster, no
 * database) by the scanners' own analyzers and rule packs, and the gate's policy code decides, as
 * the pre-commit hook needs it: {@code bulwark check --staged}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check a few files in this process, without the cluster: the staged changes (--staged, what"
        + " the pre-commit hook runs) or the FILEs given. Secrets and the SAST rules, with the same rule packs as"
        + " a scan, decided by the gate's policy code under the built-in default, the repository's policy and"
        + " its ignore file (central policies, suppressions and the baseline apply in the full scan only).%n"
        + "Exit code: 0 PASS, 1 FAIL, 2 ERROR or bad input.")
public final class CheckCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files (or folders) of the tree to check.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--staged", description = "Check what the next commit adds or changes, as staged in the git index.")
  boolean staged;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The tree the files belong to (its root holds the policy; with --staged, any folder of the"
          + " repository). Default: the current folder.")
  Path repo;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, sarif, junit, gitlab-sast, gitlab-dependency-scanning or cyclonedx (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the result here instead of stdout.")
  Path output;

  @Option(names = "--project", description = "Project name (default: the tree's folder name).")
  String project;

  @Option(names = "--branch", description = "Branch or ref.")
  String branch;

  public CheckCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    StartupTrace.mark("check: command line parsed");
    ReportFormat reportFormat = parseFormat();
    if (staged == !files.isEmpty()) {
      throw new UserError(staged ? "give either --staged or FILEs, not both" : "nothing to check: give --staged or FILEs");
    }
    if (!Files.isDirectory(repo)) {
      throw new UserError("--repo is not a folder: " + repo);
    }
    LocalCheck check;
    try {
      check = LocalCheck.fromClasspath(Optional.of(EmbeddedContext.rulePacks(env.home())));
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    StartupTrace.mark("check: checks and gate loaded");
    ScanResult result;
    if (staged) {
      try (var index = GitIndex.open(repo)) {
        var paths = index.staged();
        StartupTrace.mark("check: git index read, " + paths.size() + " staged");
        result = check.run(index, paths, context(index.root()));
      }
    } else {
      var tree = new FolderTree(repo);
      result = check.run(tree, selected(tree), context(tree.root()));
    }
    write(reportFormat, result);
    StartupTrace.mark("check: written");
    return switch (result.getDecision().getVerdict()) {
      case PASS -> Main.PASS;
      case FAIL -> Main.FAIL;
      default -> Main.ERROR;
    };
  }

  /** The tree's paths the FILEs name (a folder names every file below it). */
  private List<String> selected(FolderTree tree) {
    var paths = new ArrayList<String>();
    for (Path file : files) {
      Path abs = repo.resolve(file).toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new UserError("no such file: " + file);
      }
      if (Files.isDirectory(abs)) {
        String prefix = abs.equals(tree.root()) ? "" : tree.root().relativize(abs).toString().replace('\\', '/') + "/";
        tree.paths().stream().filter(p -> p.startsWith(prefix)).forEach(paths::add);
      } else {
        paths.add(tree.relativePath(abs).orElseThrow(() -> new UserError(file + " is not a file of the tree "
            + tree.root() + " (outside it, or left out by .gitignore)")));
      }
    }
    return paths.stream().distinct().toList();
  }

  private ScanContext context(Path root) {
    String name = project != null ? project : Optional.ofNullable(root.getFileName()).map(Path::toString).orElse("check");
    var context = ScanContext.newBuilder().setProject(name)
        .setRequestedBy("bulwark-check:" + System.getProperty("user.name", "unknown"));
    Optional.ofNullable(branch).ifPresent(context::setBranch);
    return context.build();
  }

  private ReportFormat parseFormat() {
    try {
      return ReportFormat.valueOf(format.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("unknown --format '" + format + "': use one of " + String.join(", ", ReportFormat.names()));
    }
  }

  private void write(ReportFormat reportFormat, ScanResult result) throws IOException {
    if (output != null) {
      try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        reportFormat.write(result, w);
      }
    } else {
      var w = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
      reportFormat.write(result, w);
      w.flush();
    }
  }
}
