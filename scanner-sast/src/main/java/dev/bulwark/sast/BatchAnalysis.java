package dev.bulwark.sast;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs the analyzers over a batch of files in memory. Thread-safe analyzers
 * ({@link Analyzer#threadSafe()}) take the files on every core while the others go through them in
 * order on the calling thread. Each file is analysed through a view of the project of its own
 * ({@link Project#forFile()}), so its result depends on its text and on the facts it used, nothing
 * else; results come back in file order with findings in registry order, as one thread would give them.
 */
final class BatchAnalysis {
  /**
   * The cores, shared by every engine of the process (daemon threads: they never hold a JVM up);
   * {@code -Dbulwark.sast.threads=N} sets another number (benchmarks).
   */
  private static final int THREADS =
      Integer.getInteger("bulwark.sast.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    var t = new Thread(r, "sast-analyzer");
    t.setDaemon(true);
    return t;
  });
  /**
   * Files in flight at once. Each holds its own project view with what its analyzers built (the
   * Java analyzer's call summaries and parsed callees), so the window bounds memory whatever the
   * batch's size (a whole JDK in one batch ran out of a 1 GiB heap without it).
   */
  private static final int WINDOW = Math.max(8, 4 * THREADS);

  /**
   * What analysing one file gave.
   *
   * @param findings     every analyzer's findings, in registry order
   * @param problems     analyzers that failed on the file, and why
   * @param dependencies the project facts the analysis used ({@link Project#dependencies()})
   * @param analysed     whether any analyzer looked at the file
   * @param reproducible whether the same file and facts give the same result again (false after a
   *                     stack overflow, which depends on the thread's stack, not on the input alone)
   */
  record FileResult(List<Finding> findings, List<String> problems, Set<String> dependencies,
      boolean analysed, boolean reproducible) {}

  private final List<Analyzer> analyzers;

  BatchAnalysis(List<Analyzer> analyzers) {
    this.analyzers = analyzers;
  }

  /**
   * Analyses the files; a file not reached because {@code cancelled} turned true has no result
   * (the list is then shorter than {@code files}).
   */
  List<FileResult> run(List<SourceFile> files, Project project, BooleanSupplier cancelled) {
    var results = new ArrayList<FileResult>(files.size());
    for (int from = 0; from < files.size(); from += WINDOW) {
      var window = files.subList(from, Math.min(files.size(), from + WINDOW));
      var done = window(window, project, cancelled);
      results.addAll(done);
      if (done.size() < window.size()) {
        break; // cancelled
      }
    }
    return results;
  }

  private List<FileResult> window(List<SourceFile> files, Project project, BooleanSupplier cancelled) {
    int n = files.size();
    var into = new ArrayList<Partial>(n);
    for (SourceFile file : files) {
      into.add(new Partial(file, project.forFile(), analyzers.size()));
    }
    var stop = new AtomicBoolean();
    var parallel = new ArrayList<Future<?>>();
    if (analyzers.stream().anyMatch(Analyzer::threadSafe)) {
      for (Partial p : into) {
        parallel.add(POOL.submit(() -> p.run(analyzers, true, stop::get)));
      }
    }
    int reached = 0;
    for (Partial p : into) {
      if (stop.get() || cancelled.getAsBoolean()) {
        stop.set(true);
        break;
      }
      p.run(analyzers, false, stop::get);
      reached++;
    }
    for (var task : parallel) {
      await(task, cancelled, stop);
    }
    return into.subList(0, stop.get() ? reached : n).stream().map(Partial::result).toList();
  }

  private static void await(Future<?> task, BooleanSupplier cancelled, AtomicBoolean stop) {
    try {
      while (true) {
        try {
          task.get(200, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException waiting) {
          if (cancelled.getAsBoolean()) {
            stop.set(true);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    } catch (ExecutionException e) {
      throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
    }
  }

  /** One file's findings and problems per analyzer, filled by the pool (thread-safe analyzers) and the caller (the others). */
  private static final class Partial {
    final SourceFile file;
    final Project view;
    final List<List<Finding>> findings = new ArrayList<>();
    final List<List<String>> problems = new ArrayList<>();
    volatile boolean looked;
    volatile boolean reproducible = true;

    Partial(SourceFile file, Project view, int analyzers) {
      this.file = file;
      this.view = view;
      for (int i = 0; i < analyzers; i++) {
        findings.add(Collections.synchronizedList(new ArrayList<>()));
        problems.add(Collections.synchronizedList(new ArrayList<>()));
      }
    }

    void run(List<Analyzer> analyzers, boolean threadSafe, BooleanSupplier stop) {
      if (stop.getAsBoolean()) {
        return;
      }
      for (int a = 0; a < analyzers.size(); a++) {
        Analyzer analyzer = analyzers.get(a);
        if (analyzer.threadSafe() != threadSafe || !analyzer.accepts(file.path())) {
          continue;
        }
        looked = true;
        try {
          analyzer.analyze(file, view, findings.get(a)::add);
        } catch (Exception e) {
          problems.get(a).add(file.path() + ": " + analyzer.name() + ": " + e.getMessage());
        } catch (StackOverflowError e) {
          problems.get(a).add(file.path() + ": " + analyzer.name() + ": " + e);
          reproducible = false;
        }
      }
    }

    FileResult result() {
      var all = new ArrayList<Finding>();
      findings.forEach(all::addAll);
      var failed = new ArrayList<String>();
      problems.forEach(failed::addAll);
      return new FileResult(all, failed, view.dependencies(), looked, reproducible);
    }
  }
}
