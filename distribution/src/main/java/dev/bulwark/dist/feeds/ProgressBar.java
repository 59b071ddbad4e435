package dev.bulwark.dist.feeds;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal, redrawn in place ({@code \r}); nothing at all when the
 * output is not a terminal (CI logs get the summary line instead).
 */
final class ProgressBar {
  static final int WIDTH = 24;

  private final PrintStream out;
  private final boolean enabled;
  private boolean drawn;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /** Redraws the bar for {@code label}; {@code total} -1 when unknown. */
  void show(String label, long received, long total) {
    if (!enabled) {
      return;
    }
    out.print("\r" + render(label, received, total));
    out.flush();
    drawn = true;
  }

  /** Ends the bar's line, so what follows starts on a fresh one. */
  void finish() {
    if (enabled && drawn) {
      out.print("\r\033[K");
      out.flush();
      drawn = false;
    }
  }

  static String render(String label, long received, long total) {
    var bar = new StringBuilder("bulwark: [");
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, received * WIDTH / total);
      bar.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%% ", received * 100 / total));
    } else {
      bar.append("-".repeat(WIDTH)).append("] ");
    }
    bar.append(label).append(' ').append(mib(received));
    if (total > 0) {
      bar.append(" of ").append(mib(total));
    }
    return bar.toString();
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
