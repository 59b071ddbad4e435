package dev.bulwark.container.trivy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs a Trivy executable as a child process: arguments as a list (never through a shell),
 * stdout captured up to a cap, stderr kept bounded, and the whole process tree killed on the
 * deadline, on cancellation or when stdout overflows.
 */
public final class TrivyProcess {
  private static final long POLL_MILLIS = 50;

  private final Path executable;
  private final Duration timeout;
  private final long maxStdoutBytes;
  private final int maxStderrChars;

  public TrivyProcess(Path executable, Duration timeout, long maxStdoutBytes, int maxStderrChars) {
    this.executable = executable;
    this.timeout = timeout;
    this.maxStdoutBytes = maxStdoutBytes;
    this.maxStderrChars = maxStderrChars;
  }

  public Path executable() {
    return executable;
  }

  public TrivyRun run(List<String> arguments, Path workingDir, BooleanSupplier cancelled) {
    var command = new ArrayList<String>();
    command.add(executable.toString());
    command.addAll(arguments);
    var builder = new ProcessBuilder(command).directory(workingDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new TrivyRun(TrivyRun.Ending.NOT_STARTED, -1, new byte[0], String.valueOf(e.getMessage()));
    }
    var overflow = new AtomicBoolean();
    var stdout = new BoundedSink(maxStdoutBytes, false);
    var stderr = new BoundedSink(maxStderrChars, true);
    Thread out = pump(process.getInputStream(), stdout, overflow, "trivy-stdout");
    Thread err = pump(process.getErrorStream(), stderr, new AtomicBoolean(), "trivy-stderr");
    long deadline = System.nanoTime() + timeout.toNanos();
    TrivyRun.Ending ending = TrivyRun.Ending.EXITED;
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (overflow.get()) {
          ending = TrivyRun.Ending.OUTPUT_TOO_LARGE;
        } else if (cancelled.getAsBoolean()) {
          ending = TrivyRun.Ending.CANCELLED;
        } else if (System.nanoTime() > deadline) {
          ending = TrivyRun.Ending.TIMED_OUT;
        } else {
          continue;
        }
        killTree(process);
        break;
      }
      if (overflow.get()) {
        ending = TrivyRun.Ending.OUTPUT_TOO_LARGE;
        killTree(process);
      }
      out.join(2_000);
      err.join(2_000);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      ending = TrivyRun.Ending.CANCELLED;
    }
    int code = ending == TrivyRun.Ending.EXITED ? process.exitValue() : -1;
    return new TrivyRun(ending, code, stdout.bytes(), stderr.text());
  }

  /** Kills the children first (they would be re-parented once the parent is gone), then the parent. */
  static void killTree(Process process) {
    var descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
      for (var child : descendants) {
        child.onExit().get(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // killed but not reaped yet (an orphan waits for its new parent): SIGKILL cannot be ignored
    }
  }

  private static Thread pump(InputStream in, BoundedSink sink, AtomicBoolean overflow, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try (in) {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (!sink.write(buf, n)) {
            overflow.set(true);
            return;
          }
        }
      } catch (IOException e) {
        // the process was killed: the pipe closed under us
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Keeps at most {@code cap} bytes: the first ones (stdout), or the last ones (stderr). */
  private static final class BoundedSink {
    private final long cap;
    private final boolean keepTail;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    BoundedSink(long cap, boolean keepTail) {
      this.cap = cap;
      this.keepTail = keepTail;
    }

    /** False when the cap is exceeded and the caller should stop (for stdout). */
    synchronized boolean write(byte[] b, int n) {
      if (buffer.size() + (long) n <= cap) {
        buffer.write(b, 0, n);
        return true;
      }
      if (!keepTail) {
        return false;
      }
      byte[] all = buffer.toByteArray();
      buffer.reset();
      var joined = new byte[all.length + n];
      System.arraycopy(all, 0, joined, 0, all.length);
      System.arraycopy(b, 0, joined, all.length, n);
      int from = (int) Math.max(0, joined.length - cap);
      buffer.write(joined, from, joined.length - from);
      return true;
    }

    synchronized byte[] bytes() {
      return buffer.toByteArray();
    }

    synchronized String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
