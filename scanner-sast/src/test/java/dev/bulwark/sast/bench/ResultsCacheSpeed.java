package dev.bulwark.sast.bench;

import dev.bulwark.sast.SastEngine;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The SAST results cache on a tree, in one process: a cold scan, an unchanged rescan, a rescan
 * after a change appended to one file, and the changed tree without the cache (whose findings the
 * one-file rescan must equal). Prints wall and CPU milliseconds of each, then the ratios to the
 * cold scan. {@code ResultsCacheSpeed <tree (changed in place)> <file to change, relative>}.
 */
public final class ResultsCacheSpeed {
  private ResultsCacheSpeed() {}

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    Path changed = tree.resolve(args[1]);
    Path work = Files.createTempDirectory("sast-cache-speed");
    var engine = new SastEngine();
    try (var cached = new ScannerHarness(engine, work.resolve("scan"), new DiskResultStore(work.resolve("results"), 1L << 32));
        var uncached = new ScannerHarness(engine, work.resolve("reference"), ResultStore.NONE)) {
      var cold = timed("cold scan", () -> cached.scan(tree).findings());
      var unchanged = timed("unchanged rescan", () -> cached.scan(tree).findings());
      Files.writeString(changed, "\n// changed by ResultsCacheSpeed\nclass BenchChanged { String key = \"AKIAQWERTYUIOPASDFGH\"; }\n",
          StandardOpenOption.APPEND);
      var one = timed("one-file change", () -> cached.scan(tree).findings());
      var reference = timed("no cache (changed tree)", () -> uncached.scan(tree).findings());
      if (!unchanged.findings().equals(cold.findings()) || !one.findings().equals(reference.findings())) {
        System.out.println("FAILED: a rescan's findings differ from a scan without the cache");
        System.exit(1);
      }
      System.out.printf("findings: %d cold, %d after the change (rescans equal scans without the cache)%n",
          cold.findings().size(), one.findings().size());
      System.out.printf("ratios to cold: unchanged wall %.3f cpu %.3f  one-file wall %.3f cpu %.3f%n",
          unchanged.wall() / cold.wall(), unchanged.cpu() / cold.cpu(), one.wall() / cold.wall(), one.cpu() / cold.cpu());
    }
  }

  interface Scan {
    List<Finding> run() throws Exception;
  }

  record Timed(List<Finding> findings, double wall, double cpu) {}

  private static Timed timed(String label, Scan scan) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    var findings = scan.run();
    var t = new Timed(findings, (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6);
    System.out.printf("%-26s wall %8.0f ms  cpu %8.0f ms  findings %d%n", label, t.wall(), t.cpu(), findings.size());
    return t;
  }
}
