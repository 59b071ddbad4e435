package dev.bulwark.cli;

import dev.bulwark.cli.history.GitRepositories;
import dev.bulwark.cli.history.HistoryWalker;
import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.cli.local.ScanPreparation;
import dev.bulwark.cli.report.ReportFormat;
import dev.bulwark.cli.scan.ScanClient;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark scan}: scans a folder and images, prints the result, exits by the verdict. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Scan a folder (and container images) and gate on the result.%n"
        + "Exit code: 0 PASS, 1 FAIL, 2 ERROR or bad input.")
final class ScanCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
      description = "Folder to scan (default: the current folder, unless only --image is given).")
  Path path;

  @Option(names = "--image", paramLabel = "FILE", description = "A `docker save` or OCI archive to scan; repeatable.")
  List<Path> images = new ArrayList<>();

  @Option(names = "--gateway", paramLabel = "HOST:PORT",
      description = "Gateway to use; without it the whole cluster runs embedded in this process.")
  String gateway;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, sarif, junit, gitlab-sast, gitlab-dependency-scanning or cyclonedx (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the result here instead of stdout.")
  Path output;

  @Option(names = "--advisories", paramLabel = "DIR",
      description = "OSV advisories for the embedded cluster (default: $BULWARK_ADVISORIES).")
  Path advisories;

  @Option(names = "--project", description = "Project name (default: the folder's name).")
  String project;

  @Option(names = "--branch", description = "Branch or ref.")
  String branch;

  @Option(names = "--baseline-branch", paramLabel = "BRANCH",
      description = "Compare with the latest scan of this branch: only findings the change brings are NEW.")
  String baselineBranch;

  @Option(names = "--commit", paramLabel = "SHA", description = "Commit id.")
  String commit;

  @Option(names = "--history",
      description = "Also look for secrets in PATH's git history: every file version a commit reachable from"
          + " HEAD holds that the tree no longer does (deleted files, overwritten versions). Only the secrets"
          + " analyzer reads them, and each finding names its commit. A shallow clone has only the history it"
          + " fetched (in CI, fetch the full history, e.g. fetch-depth: 0).")
  boolean history;

  @Option(names = "--history-depth", paramLabel = "N", defaultValue = "0",
      description = "With --history: only the N most recent commits (default: all; implies --history).")
  int historyDepth;

  @Option(names = "--history-since", paramLabel = "DATE",
      description = "With --history: only commits made since DATE, e.g. 2024-01-31 or 2024-01-31T12:00:00Z"
          + " (UTC; implies --history).")
  String historySince;

  @Option(names = {"--offline", "--skip-db-update"},
      description = "Without --gateway: no network. Advisory data is not fetched (the scan uses what $BULWARK_HOME"
          + " holds, with one warning when that is missing or older than --db-max-age), and Maven projects resolve"
          + " from the local repository and Bulwark's cache only (what cannot be resolved is named, DEGRADED).")
  boolean offline;

  @Option(names = "--db-max-age", paramLabel = "AGE",
      description = "Without --gateway: fetch advisory data (OSV exports of the tree's ecosystems, KEV, EPSS) again"
          + " when it is older than AGE, e.g. 24h, 7d, 0 for always (default: $BULWARK_DB_MAX_AGE, else 24h).")
  String dbMaxAge;

  @Option(names = "--verify-secrets",
      description = "Ask each found secret's provider whether it still works (harmless identity calls such as"
          + " GitHub /user or AWS STS GetCallerIdentity; one request per credential, no retries). A live one is"
          + " CRITICAL. Off by default; a scanner whose secretVerification setting is off (air-gapped) calls no"
          + " one. The embedded cluster allows it unless BULWARK_SECRET_VERIFICATION=off.")
  boolean verifySecrets;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "0",
      description = "Time the whole scan may take (default: the gateway's).")
  int deadlineSeconds;

  @Mixin
  Credentials credentials = new Credentials();

  ScanCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    ReportFormat reportFormat = parseFormat();
    var request = request();
    ScanResult result;
    if (gateway != null) {
      result = scanAt(gateway, request, credentials.remote(env));
    } else {
      var advisoryDir = advisoryDir();
      var maxAge = maxAge();
      try (var cluster = env.local().cluster()) {
        if (advisoryDir.isEmpty()) { // no --advisories: fetch what the tree needs (with --advisories the user brought it)
          env.local().prepareScan(new ScanPreparation(env.home(), Optional.ofNullable(request.tree()), offline,
              maxAge, env.env(), env.err(), env.interactive()));
        }
        env.progress("starting the embedded cluster");
        cluster.start(new LocalCluster.Settings(env.home(), advisoryDir, serviceOptions(), 0));
        result = scanAt(cluster.target("gateway"), request, credentials.local(env));
      } catch (IllegalStateException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    writeReport(reportFormat, result, request.tree());
    return switch (result.getDecision().getVerdict()) {
      case PASS -> Main.PASS;
      case FAIL -> Main.FAIL;
      default -> Main.ERROR;
    };
  }

  private ScanResult scanAt(String target, ScanClient.Request request, ClientSecurity security) {
    ManagedChannel channel;
    try {
      channel = ScanClient.pinnedChannel(target, security);
    } catch (IllegalArgumentException e) {
      throw new UserError("bad gateway address '" + target + "': " + e.getMessage());
    }
    try {
      var run = new ScanClient(channel, env::progress, warning -> env.err().println("bulwark: " + warning))
          .scan(request);
      env.progress("uploaded " + run.blobsUploaded() + " of " + run.blobsTotal() + " blobs");
      return run.result();
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      String why = s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
      throw new UserError(s.getCode() == Status.Code.UNAVAILABLE
          ? "cannot reach the gateway at " + target + " (" + why + ")"
          : "the gateway at " + target + " refused the scan: " + why, e);
    } catch (GitRepositories.NotARepositoryException e) {
      throw new UserError("--history needs a git repository: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new UserError("scan failed: " + e.getMessage(), e);
    } finally {
      Channels.close(channel);
    }
  }

  private ReportFormat parseFormat() {
    try {
      return ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("unknown --format '" + format + "': use one of " + String.join(", ", ReportFormat.names()));
    }
  }

  private ScanClient.Request request() {
    Path tree = path;
    if (tree == null && images.isEmpty()) {
      tree = Path.of(".");
    }
    if (tree != null) {
      if (!Files.exists(tree)) {
        throw new UserError("PATH does not exist: " + tree);
      }
      if (!Files.isDirectory(tree)) {
        throw new UserError("PATH is not a directory: " + tree);
      }
      try {
        tree = tree.toRealPath(); // a symbolic link to the tree scans the tree
      } catch (IOException e) {
        throw new UserError("cannot read PATH " + tree + ": " + e.getMessage());
      }
    }
    for (Path image : images) {
      if (!Files.isRegularFile(image)) {
        throw new UserError("image file not found: " + image);
      }
    }
    if (deadlineSeconds < 0) {
      throw new UserError("--deadline must not be negative");
    }
    String name = project != null ? project
        : tree != null && tree.getFileName() != null ? tree.getFileName().toString()
        : images.get(0).getFileName().toString();
    var context = ScanContext.newBuilder().setProject(name).setRequestedBy("bulwark-cli:"
        + System.getProperty("user.name", "unknown"));
    Optional.ofNullable(branch).ifPresent(context::setBranch);
    Optional.ofNullable(commit).ifPresent(context::setCommit);
    // never our own home: its databases and caches change while the scan runs
    return new ScanClient.Request(tree, List.copyOf(images), context.build(), deadlineSeconds, "",
        baselineBranch == null ? "" : baselineBranch, historyBounds(tree), verifySecrets, List.of(env.home()));
  }

  /** The services' options, with {@code maven.offline} when {@code --offline} is given. */
  private java.util.Map<String, String> serviceOptions() {
    var options = new java.util.LinkedHashMap<>(env.serviceOptions());
    if (offline) {
      options.put("maven.offline", "true");
    }
    return options;
  }

  /** The history to add, or null without --history; checked here so a bad PATH fails before any cluster starts. */
  private HistoryWalker.Bounds historyBounds(Path tree) {
    if (!history && historyDepth == 0 && historySince == null) {
      return null;
    }
    if (historyDepth < 0) {
      throw new UserError("--history-depth must not be negative");
    }
    Instant since = historySince == null ? null : parseSince(historySince);
    if (tree == null) {
      throw new UserError("--history needs a folder to scan (PATH), not only images");
    }
    try (var repo = GitRepositories.open(tree)) {
      // found and readable: the walk itself happens while packing
    } catch (GitRepositories.NotARepositoryException e) {
      throw new UserError("--history needs a git repository: " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("--history: cannot open the git repository of " + tree + ": " + e.getMessage());
    }
    return new HistoryWalker.Bounds(historyDepth, since);
  }

  static Instant parseSince(String text) {
    try {
      return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError("--history-since '" + text + "' is not a date such as 2024-01-31 or 2024-01-31T12:00:00Z");
    }
  }

  private Optional<java.time.Duration> maxAge() {
    String text = dbMaxAge != null ? dbMaxAge : env.env().get("BULWARK_DB_MAX_AGE");
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ScanPreparation.parseDuration(text));
    } catch (IllegalArgumentException e) {
      throw new UserError((dbMaxAge != null ? "--db-max-age " : "BULWARK_DB_MAX_AGE ") + e.getMessage());
    }
  }

  private Optional<Path> advisoryDir() {
    Path dir = advisories != null ? advisories
        : Optional.ofNullable(env.env().get("BULWARK_ADVISORIES")).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserError("advisories folder not found: " + dir);
    }
    return Optional.ofNullable(dir);
  }

  private void writeReport(ReportFormat reportFormat, ScanResult result, Path tree) throws IOException {
    if (output != null) {
      // Written beside the target and moved into place: a failed report never leaves a truncated file.
      Path absolute = output.toAbsolutePath();
      Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
      try {
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          reportFormat.write(result, w, Optional.ofNullable(tree));
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UserError("cannot write --output " + output + ": " + e);
      } finally {
        Files.deleteIfExists(partial);
      }
    } else {
      var w = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
      reportFormat.write(result, w, Optional.ofNullable(tree));
      w.flush();
    }
  }
}
