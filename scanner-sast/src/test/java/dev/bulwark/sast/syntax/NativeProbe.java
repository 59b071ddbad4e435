package dev.bulwark.sast.syntax;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for the native-library tests and the soak benchmark: {@code NativeProbe parse}
 * parses one snippet per grammar and prints the extraction folder; {@code NativeProbe soak N}
 * parses N files per grammar and prints the resident set size before and after (native memory of
 * released trees must come back).
 */
public final class NativeProbe {
  private NativeProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("soak")) {
      soak(Integer.parseInt(args[1]));
      return;
    }
    for (Grammar g : Grammar.values()) {
      var r = TreeParser.parse(g, "x = f(1)\n");
      if (!(r instanceof TreeParser.Result.Parsed)) {
        throw new IllegalStateException(g + ": " + r);
      }
    }
    System.out.println("dir=" + NativeLibraries.prepare());
  }

  private static void soak(int n) throws Exception {
    String js = "function f(a) { return a.map(x => x * 2).filter(Boolean).join(',') + `${a}`; }\n".repeat(40);
    for (int i = 0; i < 200; i++) {
      TreeParser.parse(Grammar.JAVASCRIPT, js);
    }
    System.gc();
    long before = rss();
    for (int i = 0; i < n; i++) {
      for (Grammar g : Grammar.values()) {
        TreeParser.parse(g, js + i);
      }
    }
    System.gc();
    Thread.sleep(500);
    System.gc();
    long after = rss();
    System.out.printf("parses=%d rss_before_kib=%d rss_after_kib=%d growth_kib=%d%n", n * Grammar.values().length,
        before, after, after - before);
  }

  private static long rss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
