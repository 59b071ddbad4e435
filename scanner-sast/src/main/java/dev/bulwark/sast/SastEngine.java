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

  private static Optional<String> readOne(ScanWorkspace ws, FileEntry file) {
    if (file == null) {
      return Optional.empty();
    }
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
   */
  public int analyze(List<SourceFile> files, Project project, FindingSink sink, List<String> problems,
      BooleanSupplier cancelled) {
    int scanned = 0;
    for (SourceFile file : files) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      boolean any = false;
      for (Analyzer a : analyzers) {
        if (!a.accepts(file.path())) {
          continue;
        }
        any = true;
        try {
          a.analyze(file, project, sink::accept);
        } catch (Exception | StackOverflowError e) {
          problems.add(file.path() + ": " + a.name() + ": " + e.getMessage());
        }
      }
      scanned += any ? 1 : 0;
    }
    return scanned;
  }

  /** Whether any analyzer wants this path ({@code .properties} files are always read, for project facts). */
  public boolean wants(String path) {
    return path.endsWith(".properties") || analyzers.stream().anyMatch(a -> a.accepts(path));
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }
}
