package dev.bulwark.server.embedded;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a short command's milliseconds go ({@code BULWARK_TRACE=1}): each {@link #mark} prints to
 * stderr the time since the process started (as the OS counts it, so the JVM's own start shows
 * before the first mark) and since the previous mark. Off, a mark is one field read.
 */
public final class StartupTrace {
  private static final boolean ON = System.getenv("BULWARK_TRACE") != null
      && !System.getenv("BULWARK_TRACE").isBlank() && !"0".equals(System.getenv("BULWARK_TRACE"));
  private static Instant processStart;
  private static long last;

  private StartupTrace() {}

  public static boolean on() {
    return ON;
  }

  /** Prints "trace: <ms since the process started> (+<ms since the previous mark>) <what>" when on. */
  public static void mark(String what) {
    if (ON) {
      print(System.err, what);
    }
  }

  static synchronized void print(PrintStream out, String what) {
    long now = System.nanoTime();
    if (processStart == null) {
      processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
      last = now;
    }
    long sinceStart = Duration.between(processStart, Instant.now()).toMillis();
    out.printf("trace: %5d ms (+%4d) %s%n", sinceStart, (now - last) / 1_000_000, what);
    last = now;
  }
}
