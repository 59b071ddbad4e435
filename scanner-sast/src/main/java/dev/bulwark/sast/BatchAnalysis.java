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
import java.util.concurrent.Semaphore;
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
   * Java analyzer's call summaries and callees' analyses) until it is done, so the window bounds
   * memory whatever the batch's size (a whole JDK in one batch ran out of a 1 GiB heap without it).
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
   * (the list is then shorter than {@code files}). The calling thread goes through the files in
   * order, runs the analyzers that are not thread-safe and hands each file to the pool for the
   * others, never more than {@link #WINDOW} files ahead of the pool: a file that takes long holds
   * one core, not the next files (a core is never left waiting for the slowest file of a group).
   */
  List<FileResult> run(List<SourceFile> files, Project project, BooleanSupplier cancelled) {
    boolean parallel = analyzers.stream().anyMatch(Analyzer::threadSafe);
    var inFlight = new Semaphore(WINDOW);
    var stop = new AtomicBoolean();
    var partials = new ArrayList<Partial>(files.size());
    var tasks = new ArrayList<Future<?>>();
    for (SourceFile file : files) {
      if (stop.get() || cancelled.getAsBoolean() || !acquire(inFlight, cancelled)) {
        stop.set(true);
        break;
      }
      var p = new Partial(file, project.forFile(), analyzers.size());
      partials.add(p);
      p.run(analyzers, false, stop::get);
      if (parallel) {
        tasks.add(POOL.submit(() -> {
          try {
            p.run(analyzers, true, stop::get);
          } finally {
            p.finish();
            inFlight.release();
          }
        }));
      } else {
        p.finish();
        inFlight.release();
      }
    }
    for (var task : tasks) {
      await(task, cancelled, stop);
    }
    var results = new ArrayList<FileResult>(partials.size());
    for (var p : partials) {
      var r = p.result();
      if (r == null) {
        break; // interrupted while the pool still had it
      }
      results.add(r);
    }
    return results;
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

  /** Waits for a free place in the window; false when cancelled or interrupted meanwhile. */
  private static boolean acquire(Semaphore inFlight, BooleanSupplier cancelled) {
    try {
      while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One file's findings and problems per analyzer, filled by the pool (thread-safe analyzers) and the caller (the others). */
  private static final class Partial {
    final SourceFile file;
    /** The file's project view, dropped once its analysis is over (what its analyzers built may be large). */
    Project view;
    private FileResult result;
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

    /** Every analyzer has run (or been stopped): the result is kept and the view let go. */
    synchronized void finish() {
      var all = new ArrayList<Finding>();
      findings.forEach(all::addAll);
      var failed = new ArrayList<String>();
      problems.forEach(failed::addAll);
      result = new FileResult(all, failed, view.dependencies(), looked, reproducible);
      view = null;
    }

    synchronized FileResult result() {
      return result;
    }
  }
}
