package dev.bulwark.sast;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.results.BuildStamp;
import dev.bulwark.server.scanner.results.ResultCache;
import dev.bulwark.server.scanner.results.TreeFacts;
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
import dev.bulwark.v1.UnitResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SAST scanner: runs every registered {@link Analyzer} over the text files it wants.
 * Binary files and files above {@link #DEFAULT_MAX_FILE_BYTES} are skipped; a file an analyzer
 * cannot read is reported in a DEGRADED outcome and the scan goes on. Git history entries of the
 * manifest ({@code history_commit} set) go to the secrets analyzer only ({@link HistorySecrets}).
 */
public final class SastEngine implements ScannerEngine {
  public static final String VERSION = "0.1.0";
  /** The scanner's name, as findings carry it. */
  public static final String NAME = "sast";
  public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
  private static final int BATCH = 256;

  private final Supplier<List<Analyzer>> analyzers;
  /** Whether the analyzers were given ready-made rather than loaded on first use. */
  private final boolean given;
  private final long maxFileBytes;
  private final SecretVerification verification;

  /** The built-in analyzers and rule packs; secret verification off. */
  public SastEngine() {
    this(Analyzers::builtIn, DEFAULT_MAX_FILE_BYTES, SecretVerification.off());
  }

  public SastEngine(List<Analyzer> analyzers, long maxFileBytes) {
    this(analyzers, maxFileBytes, SecretVerification.off());
  }

  /** @param verification what scans that ask ({@code ScanTask.verify_secrets}) may verify */
  public SastEngine(List<Analyzer> analyzers, long maxFileBytes, SecretVerification verification) {
    this(loaded(List.copyOf(analyzers)), maxFileBytes, verification);
  }

  /**
   * Analyzers loaded on first use (their rule packs take a while to compile), so a service or a
   * scan that never looks at a file does not pay for them.
   */
  public SastEngine(Supplier<List<Analyzer>> analyzers, long maxFileBytes, SecretVerification verification) {
    this.analyzers = new Memo<>(analyzers);
    this.given = analyzers instanceof Given;
    this.maxFileBytes = maxFileBytes;
    this.verification = verification;
  }

  private static Supplier<List<Analyzer>> loaded(List<Analyzer> analyzers) {
    return new Given(analyzers);
  }

  /** Analyzers given ready-made: their ids and rule-pack digests name them at no cost. */
  private record Given(List<Analyzer> analyzers) implements Supplier<List<Analyzer>> {
    @Override
    public List<Analyzer> get() {
      return analyzers;
    }
  }

  /** The analyzers, loaded now if they were not yet. */
  public List<Analyzer> analyzers() {
    return analyzers.get();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScannerInfo describe() {
    var info = ScannerInfo.newBuilder().setName(name()).setVersion(VERSION);
    for (Analyzer a : analyzers()) {
      info.addAnalyzers(dev.bulwark.v1.Analyzer.newBuilder().setName(a.name()).setVersion(a.version()));
      info.addAllDatabases(a.databases());
    }
    return info.build();
  }

  /** The analyzers with their versions and rule packs (name, version and digest), the size limit, the build. */
  @Override
  public Optional<String> resultKey() {
    var key = new StringBuilder("sast/").append(VERSION).append(" max-bytes=").append(maxFileBytes)
        .append(" build=").append(BuildStamp.of(SastEngine.class));
    for (Analyzer a : analyzers()) {
      key.append(' ').append(a.id());
      a.databases().forEach(d -> key.append(' ').append(d.getName()).append('=').append(d.getVersion()));
    }
    return Optional.of(key.toString());
  }

  /**
   * Without loading the analyzers (compiling the rule packs is most of a rescan's fixed cost): the
   * size limit, whether secrets may be verified, and the build. Analyzers loaded on first use come
   * from the code of the build (the registry, its rule packs are resources of the same jar), so
   * the build names them; a development build's stamp is per process, so there this engine's
   * identity is added. Analyzers given ready-made are named by their ids and rule-pack digests.
   * SAST reads every file (the secrets analyzer wants them all), so every file is relevant.
   */
  @Override
  public Optional<String> answerKey() {
    String verifies = " verify=" + verification.settings().enabled();
    if (given) {
      return resultKey().map(k -> k + verifies);
    }
    String build = BuildStamp.of(SastEngine.class);
    return Optional.of("sast/" + VERSION + " max-bytes=" + maxFileBytes + verifies + " build=" + build
        + (BuildStamp.perProcess(build) ? " engine=" + System.identityHashCode(this) : "") + " analyzers=registry");
  }

  @Override
  public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
    List<FileEntry> wanted = ws.select(this::wants).stream()
        .filter(f -> f.getDigest().getSizeBytes() <= maxFileBytes).toList();
    List<FileEntry> history = ws.historyFiles();
    var problems = new ArrayList<String>();
    // Liveness verification only when the scan asked and this scanner allows it.
    VerificationSession session = ws.task().getVerifySecrets() ? verification.session().orElse(null) : null;
    if (session != null) {
      ws.irreproducible("secrets verified against providers");
    }
    HistorySecrets historySecrets = history.isEmpty() ? null : historySecrets(problems, session);
    // The project: the paths of all files, so that a call into another file can be followed, and
    // the .properties files' keys; files are read on demand.
    var byPath = new HashMap<String, FileEntry>();
    wanted.forEach(f -> byPath.put(f.getPath(), f));
    var project = new Project(path -> readOne(ws, byPath.get(path)),
        path -> byPath.containsKey(path) ? byPath.get(path).getDigest().getHash() : "");
    if (session != null) {
      project.shared(VerificationSession.class, () -> session);
    }
    wanted.forEach(f -> project.addPath(f.getPath()));
    // The analyzers, batch by batch, so memory stays bounded on large trees. A file whose result
    // is cached (same content, same facts used) is not even fetched: its result is replayed.
    // Verification calls providers and history needs every tree file's secrets: both bypass it.
    var cache = ws.results().unless(session != null || historySecrets != null);
    var tree = new TreeFacts(wanted);
    var derived = new Derived(tree, new HashMap<>(), new HashMap<>());
    Function<String, String> current = dependency -> currentValue(dependency, tree, project, derived);
    int scanned = 0;
    for (int i = 0; i < wanted.size() && !ws.cancelled(); i += BATCH) {
      var batch = wanted.subList(i, Math.min(wanted.size(), i + BATCH));
      var kept = new HashMap<String, UnitResult>();
      var todo = new ArrayList<FileEntry>();
      for (FileEntry f : batch) {
        cache.lookup(f.getPath(), f.getDigest().getHash(), current)
            .ifPresentOrElse(r -> kept.put(f.getPath(), r), () -> todo.add(f));
      }
      var texts = read(ws, todo);
      var analysed = new HashMap<String, BatchAnalysis.FileResult>();
      var results = new BatchAnalysis(analyzers()).run(texts, project, ws::cancelled);
      for (int t = 0; t < results.size(); t++) {
        analysed.put(texts.get(t).path(), results.get(t));
      }
      for (FileEntry f : batch) {
        if (ws.cancelled()) {
          break;
        }
        var result = kept.containsKey(f.getPath()) ? kept.get(f.getPath())
            : keep(f, analysed.get(f.getPath()), cache, current, ws);
        result.getFindingsList().forEach(sink::accept);
        problems.addAll(result.getProblemsList());
        scanned += result.getAnalysed() ? 1 : 0;
      }
      if (historySecrets != null) {
        texts.forEach(historySecrets::rememberTree);
      }
    }
    // --history: only the secrets analyzer, on versions that left the tree.
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

  /** Keeps one file's result (null: binary, nothing analysed) in the cache. */
  private static UnitResult keep(FileEntry entry, BatchAnalysis.FileResult analysed, ResultCache cache,
      Function<String, String> current, ScanWorkspace ws) {
    var result = UnitResult.newBuilder();
    Set<String> dependencies = Set.of();
    if (analysed != null) {
      result.addAllFindings(analysed.findings()).addAllProblems(analysed.problems()).setAnalysed(analysed.analysed());
      dependencies = analysed.dependencies();
      if (!analysed.reproducible()) {
        // a stack overflow may not happen with another thread's stack: not kept, nor the scan's answer
        ws.irreproducible(entry.getPath() + ": analysis depends on the thread");
        return result.build();
      }
    }
    // a file the parser refuses is refused again by the same build: kept, problem and all
    cache.save(entry.getPath(), entry.getDigest().getHash(), result, dependencies, current);
    return result.build();
  }

  /**
   * What one scan knows of {@link Project#DERIVED} facts: the fingerprint of each file's digest
   * and the analyzers' answers for the files that changed, each worked out once.
   */
  private record Derived(TreeFacts tree, Map<String, String> digests, Map<String, String> answers) {
    boolean unchanged(Project.Derived fact) {
      return fact.digest().equals(digests.computeIfAbsent(fact.path(),
          path -> Project.fingerprint(tree.apply(TreeFacts.read(path)))));
    }
  }

  /**
   * Today's value of a fact a cached result depended on ({@link Project#dependencies()}); a
   * {@link Project#DERIVED} fact's is its answer's fingerprint, asked of the analyzers only when its
   * file changed.
   */
  private String currentValue(String dependency, TreeFacts tree, Project project, Derived derived) {
    var fact = Project.Derived.parse(dependency);
    if (fact.isPresent()) {
      if (derived.unchanged(fact.get())) {
        return fact.get().value(); // the same file: the same answer, nothing read
      }
      return derived.answers().computeIfAbsent(fact.get().query() + '\u0000' + fact.get().path(), k -> analyzers().stream()
          .map(a -> a.derived(fact.get().path(), fact.get().query(), project)).flatMap(Optional::stream)
          .findFirst().map(Project::fingerprint).orElse("unknown"));
    }
    if (dependency.startsWith(Project.READ) || dependency.startsWith(Project.IN)) {
      return tree.apply(dependency); // the facts every engine's cache knows, over the files SAST analyses
    }
    if (dependency.startsWith(Project.NAMED)) {
      return String.join("\n", project.pathsNamed(dependency.substring(Project.NAMED.length())));
    }
    if (dependency.startsWith(Project.PATHS)) {
      return String.join("\n", project.paths());
    }
    if (dependency.startsWith(Project.PROPERTY)) {
      return project.property(dependency.substring(Project.PROPERTY.length())).map(v -> "=" + v).orElse("absent");
    }
    throw new IllegalArgumentException("unknown dependency kind: " + dependency);
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
      ws.irreproducible(file.getPath() + " could not be read");
      return Optional.empty();
    }
  }

  /** History entries are for the secrets analyzer; without it they are skipped, and the outcome says so. */
  private HistorySecrets historySecrets(List<String> problems, VerificationSession session) {
    var secrets = analyzers().stream().filter(SecretsAnalyzer.class::isInstance).map(SecretsAnalyzer.class::cast)
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
   * Runs the analyzers over files already in memory (plain Java, for tests, benchmarks and
   * {@code bulwark check}), on every core for the analyzers that allow it ({@link BatchAnalysis}).
   * Returns how many files an analyzer looked at; problems with single files go to {@code problems}.
   */
  public int analyze(List<SourceFile> files, Project project, FindingSink sink, List<String> problems,
      BooleanSupplier cancelled) {
    int scanned = 0;
    for (var result : new BatchAnalysis(analyzers()).run(files, project, cancelled)) {
      result.findings().forEach(sink::accept);
      problems.addAll(result.problems());
      scanned += result.analysed() ? 1 : 0;
    }
    return scanned;
  }

  /** A value computed once, on first use, by whichever thread asks first. */
  private static final class Memo<T> implements Supplier<T> {
    private Supplier<T> compute;
    private volatile T value;

    Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          if (value == null) {
            value = compute.get();
            compute = null;
          }
          v = value;
        }
      }
      return v;
    }
  }

  /** Whether any analyzer wants this path ({@code .properties} files are always read, for project facts). */
  public boolean wants(String path) {
    return path.endsWith(".properties") || analyzers().stream().anyMatch(a -> a.accepts(path));
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }
}
