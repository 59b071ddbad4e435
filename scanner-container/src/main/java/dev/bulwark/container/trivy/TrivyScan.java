package dev.bulwark.container.trivy;

import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Trivy side of a scan: the configuration files laid out in a scratch folder and scanned
 * with {@code trivy config}, each image archive scanned with {@code trivy image --input}.
 * Every failure becomes a problem for the status message; findings of the runs that worked stay.
 */
public final class TrivyScan {
  /** Files Trivy's misconfiguration scanners look at. */
  public static final Predicate<String> CONFIG_FILES = p -> {
    String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return name.equals("dockerfile") || name.equals("containerfile") || name.startsWith("dockerfile.")
        || name.endsWith(".dockerfile") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".tf")
        || name.endsWith(".tfvars") || name.equals("chart.yaml");
  };

  private final TrivyProcess process;
  private final Path workDir;

  public TrivyScan(TrivyProcess process, Path workDir) {
    this.process = process;
    this.workDir = workDir;
  }

  /** Findings and problems of the Trivy runs. */
  public record Result(List<Finding> findings, List<String> problems) {}

  public Result run(ScanWorkspace ws, boolean configs, boolean images) throws IOException {
    var findings = new ArrayList<Finding>();
    var problems = new ArrayList<String>();
    Path scratch = Files.createDirectories(workDir).resolve("trivy-" + UUID.randomUUID());
    Files.createDirectories(scratch);
    try {
      Path cache = Files.createDirectories(workDir.resolve("trivy-cache"));
      if (configs && !ws.select(CONFIG_FILES).isEmpty()) {
        try {
          Path tree = ws.materialize(scratch.resolve("tree"), CONFIG_FILES);
          var run = process.run(List.of("config", "--format", "json", "--quiet", "--skip-check-update",
              "--cache-dir", cache.toString(), tree.toString()), scratch, ws::cancelled);
          collect(run, "config", target -> target, "", findings, problems);
        } catch (IllegalArgumentException e) {
          problems.add("trivy config: " + e.getMessage()); // a manifest path that would escape the tree
        }
      }
      if (images) {
        for (Image image : ws.images()) {
          if (ws.cancelled()) {
            break;
          }
          Path archive;
          try {
            archive = validated(ws.localPath(image));
          } catch (IOException | IllegalArgumentException e) {
            problems.add("trivy image " + image.getName() + ": " + e.getMessage());
            continue;
          }
          var run = process.run(List.of("image", "--input=" + archive, "--format", "json", "--quiet",
              "--skip-db-update", "--offline-scan", "--cache-dir", cache.toString()), scratch, ws::cancelled);
          collect(run, "image " + image.getName(), target -> image.getName() + "!/" + target, image.getName(),
              findings, problems);
        }
      }
    } finally {
      deleteTree(scratch);
    }
    return new Result(findings, problems);
  }

  private static void collect(TrivyRun run, String what, java.util.function.UnaryOperator<String> paths,
      String imageName, List<Finding> findings, List<String> problems) {
    if (!run.succeeded()) {
      problems.add("trivy " + what + ": " + run.describeFailure());
      return;
    }
    try {
      findings.addAll(TrivyReportMapper.map(run.stdout(), paths, imageName).findings());
    } catch (IOException | RuntimeException e) {
      problems.add("trivy " + what + ": unreadable report: " + firstLine(e.getMessage()));
    }
  }

  /** An image archive must be a plain regular file with an absolute path (no symlink, no option-like name). */
  static Path validated(Path archive) throws IOException {
    Path abs = archive.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("image archive is not a regular file: " + abs);
    }
    if (abs.toString().contains("\n") || abs.toString().contains("\0")) {
      throw new IllegalArgumentException("image archive path has control characters");
    }
    return abs;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort: scratch space
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
