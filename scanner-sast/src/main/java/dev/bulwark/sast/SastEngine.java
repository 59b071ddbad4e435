package dev.bulwark.sast;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.HistorySecrets;
import dev.bulwark.sast.secrets.SecretsAnalyzer;
import dev.bulwark.sast.secrets.verify.SecretVerification;
import dev.bulwark.sast.secrets.verify.VerificationSession;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The SAST scanner: runs every registered {@link Analyzer} over the text files it wants.
 * Binary files and files above {@link #DEFAULT_MAX_FILE_BYTES} are skipped; a file an analyzer
 * cannot read is reported in a DEGRADED outcome and the scan goes on. Git history entries of the
 * manifest ({@code history_commit} set) go to the secrets analyzer only ({@link HistorySecrets}).
 */
public final class SastEngine implements ScannerEngine {
  public static final String VERSION = "0.1.0";
  public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
  private static final int BATCH = 256;

  private final List<Analyzer> analyzers;
  private final long maxFileBytes;
  private final SecretVerification verification;

  /** The built-in analyzers and rule packs; secret verification off. */
  public SastEngine() {
    this(Analyzers.builtIn(), DEFAULT_MAX_FILE_BYTES);
  }

  public SastEngine(List<Analyzer> analyzers, long maxFileBytes) {
    this(analyzers, maxFileBytes, SecretVerification.off());
  }

  /** @param verification what scans that ask ({@code ScanTask.verify_secrets}) may verify */
  public SastEngine(List<Analyzer> analyzers, long maxFileBytes, SecretVerification verification) {
    this.analyzers = List.copyOf(analyzers);
    this.maxFileBytes = maxFileBytes;
    this.verification = verification;
  }

  @Override
  public String name() {
    return "sast";
  }

  @Override
  public ScannerInfo describe() {
    var info = ScannerInfo.newBuilder().setName(name()).setVersion(VERSION);
    for (Analyzer a : analyzers) {
      info.addAnalyzers(dev.bulwark.v1.Analyzer.newBuilder().setName(a.name()).setVersion(a.version()));
      info.addAllDatabases(a.databases());
    }
    return info.build();
  }

  @Override
  public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
    List<FileEntry> wanted = ws.select(this::wants).stream()
        .filter(f -> f.getDigest().getSizeBytes() <= maxFileBytes).toList();
    List<FileEntry> history = ws.historyFiles();
    var problems = new ArrayList<String>();
    // Liveness verification only when the scan asked and this scanner allows it.
    VerificationSession session = ws.task().getVerifySecrets() ? verification.session().orElse(null) : null;
    HistorySecrets historySecrets = history.isEmpty() ? null : historySecrets(problems, session);
    // Pass 1: project facts that analyzers of any file may use: the .properties files, and the
    // paths of all files so that a call into another file can be followed (read on demand).
    var byPath = new HashMap<String, FileEntry>();
    wanted.forEach(f -> byPath.put(f.getPath(), f));
    var project = new Project(path -> readOne(ws, byPath.get(path)));
    if (session != null) {
      project.shared(VerificationSession.class, () -> session);
    }
    wanted.forEach(f -> project.addPath(f.getPath()));
    for (SourceFile file : read(ws, wanted.stream().filter(f -> f.getPath().endsWith(".properties")).toList())) {
      project.addProperties(file.text());
    }
    // Pass 2: the analyzers, batch by batch, so memory stays bounded on large trees.
    int scanned = 0;
    for (int i = 0; i < wanted.size() && !ws.cancelled(); i += BATCH) {
      var batch = read(ws, wanted.subList(i, Math.min(wanted.size(), i + BATCH)));
      scanned += analyze(batch, project, sink, problems, ws::cancelled);
      if (historySecrets != null) {
        batch.forEach(historySecrets::rememberTree);
      }
    }
    // Pass 3 (--history): only the secrets analyzer, on versions that left the tree.
    if (historySecrets != null) {
      scanned += historySecrets.scan(ws, history, maxFileBytes, sink::accept, problems);
    }
    var outcome = ScanOutcome.of(problems, scanned);
    String note = !ws.task().getVerifySecrets() ? ""
        : session == null ? "secret verification was asked for, but this scanner's secretVerification.enabled"
            + " setting is off: no provider was called"
        : "secret verification: " + session.requests() + " request(s) to providers";
    return note.isEmpty() ? outcome : new ScanOutcome(outcome.status(),
        outcome.message().isEmpty() ? note : outcome.message() + "; " + note, outcome.filesScanned());
  }

  /** Reads one file on demand; analyzers on several threads read through here one at a time. */
  private static Optional<String> readOne(ScanWorkspace ws, FileEntry file) {
    if (file == null) {
      return Optional.empty();
    }
    synchronized (ws) {
      return readLocked(ws, file);
    }
  }

  private static Optional<String> readLocked(ScanWorkspace ws, FileEntry file) {
    try {
      ws.prefetch(List.of(file));
      return ws.readText(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** History entries are for the secrets analyzer; without it they are skipped, and the outcome says so. */
  private HistorySecrets historySecrets(List<String> problems, VerificationSession session) {
    var secrets = analyzers.stream().filter(SecretsAnalyzer.class::isInstance).map(SecretsAnalyzer.class::cast)
        .findFirst();
    if (secrets.isEmpty()) {
      problems.add("git history entries skipped: the secrets analyzer is not enabled");
    }
    return secrets.map(a -> new HistorySecrets(a, session)).orElse(null);
  }

  /** Fetches the files in one round trip and reads them as text; binary files are left out. */
  private static List<SourceFile> read(ScanWorkspace ws, List<FileEntry> files) throws IOException {
    ws.prefetch(files);
    var texts = new ArrayList<SourceFile>();
    for (FileEntry f : files) {
      ws.readText(f).ifPresent(text -> texts.add(SourceFile.of(f.getPath(), text)));
    }
    return texts;
  }

  /**
   * Runs the analyzers over files already in memory (plain Java, for tests and benchmarks).
   * Returns how many files an analyzer looked at; problems with single files go to {@code problems}.
   * Thread-safe analyzers ({@link Analyzer#threadSafe()}) take the files on every core while the
   * others go through them in order on this thread; findings are reported file by file, analyzer
   * by analyzer, as one thread would.
   */
  public int analyze(List<SourceFile> files, Project project, FindingSink sink, List<String> problems,
      BooleanSupplier cancelled) {
    int n = files.size();
    var results = new FileResults[n];
    for (int i = 0; i < n; i++) {
      results[i] = new FileResults(analyzers.size());
    }
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    var parallel = new ArrayList<java.util.concurrent.Future<?>>();
    if (analyzers.stream().anyMatch(Analyzer::threadSafe)) {
      for (int i = 0; i < n; i++) {
        int file = i;
        parallel.add(POOL.submit(() -> run(files.get(file), project, results[file], true, stop::get)));
      }
    }
    for (int i = 0; i < n && !stop.get(); i++) {
      if (cancelled.getAsBoolean()) {
        stop.set(true);
        break;
      }
      run(files.get(i), project, results[i], false, stop::get);
    }
    for (var task : parallel) {
      try {
        while (true) {
          try {
            task.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            break;
          } catch (java.util.concurrent.TimeoutException waiting) {
            if (cancelled.getAsBoolean()) {
              stop.set(true);
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set(true);
      } catch (java.util.concurrent.ExecutionException e) {
        problems.add("analysis failed: " + e.getCause());
      }
    }
    int scanned = 0;
    for (var r : results) {
      r.findings.forEach(list -> list.forEach(sink::accept));
      problems.addAll(r.problems);
      scanned += r.looked ? 1 : 0;
    }
    return scanned;
  }

  /** One file through the thread-safe analyzers (or through the others). */
  private void run(SourceFile file, Project project, FileResults into, boolean threadSafe, BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      return;
    }
    for (int a = 0; a < analyzers.size(); a++) {
      Analyzer analyzer = analyzers.get(a);
      if (analyzer.threadSafe() != threadSafe || !analyzer.accepts(file.path())) {
        continue;
      }
      var found = into.findings.get(a);
      synchronized (into) {
        into.looked = true;
      }
      try {
        analyzer.analyze(file, project, found::add);
      } catch (Exception | StackOverflowError e) {
        synchronized (into) {
          into.problems.add(file.path() + ": " + analyzer.name() + ": " + e.getMessage());
        }
      }
    }
  }

  /** What the analyzers found in one file: findings per analyzer, in registry order. */
  private static final class FileResults {
    final List<List<Finding>> findings = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    boolean looked;

    FileResults(int analyzers) {
      for (int i = 0; i < analyzers; i++) {
        findings.add(java.util.Collections.synchronizedList(new ArrayList<>()));
      }
    }
  }

  /**
   * The cores, shared by every engine of the process (daemon threads: they never hold a JVM up);
   * {@code -Dbulwark.sast.threads=N} sets another number (benchmarks).
   */
  private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(
      Integer.getInteger("bulwark.sast.threads", Math.max(1, Runtime.getRuntime().availableProcessors())), r -> {
        var t = new Thread(r, "sast-analyzer");
        t.setDaemon(true);
        return t;
      });

  /** Whether any analyzer wants this path ({@code .properties} files are always read, for project facts). */
  public boolean wants(String path) {
    return path.endsWith(".properties") || analyzers.stream().anyMatch(a -> a.accepts(path));
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }
}
