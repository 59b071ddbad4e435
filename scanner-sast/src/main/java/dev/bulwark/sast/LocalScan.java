package dev.bulwark.sast;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Scans a local folder without the cluster and prints one line per finding, then throughput on
 * stderr. For benchmarks and quick checks: {@code LocalScan [--secrets-only] [--only <analyzer>] [--quiet] <folder>}
 * ({@code --only javascript} runs one analyzer, for per-language throughput).
 */
public final class LocalScan {
  private LocalScan() {}

  public static void main(String[] args) throws IOException {
    boolean secretsOnly = List.of(args).contains("--secrets-only");
    boolean quiet = List.of(args).contains("--quiet");
    Path root = Path.of(args[args.length - 1]);
    int only = List.of(args).indexOf("--only");
    var analyzers = secretsOnly ? Analyzers.secretsOnly() : Analyzers.builtIn();
    if (only >= 0) {
      analyzers = analyzers.stream().filter(a -> a.name().equals(args[only + 1])).toList();
    }
    var engine = new SastEngine(analyzers, SastEngine.DEFAULT_MAX_FILE_BYTES);
    long started = System.nanoTime();
    var files = new ArrayList<SourceFile>();
    var project = new Project(rel -> {
      try {
        return text(Files.readAllBytes(root.resolve(rel)));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith(".git/") || !engine.wants(rel) || Files.size(p) > engine.maxFileBytes()) {
          continue;
        }
        var text = text(Files.readAllBytes(p));
        if (text.isPresent()) {
          bytes += text.get().length();
          files.add(SourceFile.of(rel, text.get()));
          project.addPath(rel);
        }
      }
    }
    var count = new AtomicInteger();
    var problems = new ArrayList<String>();
    int scanned = engine.analyze(files, project, f -> {
      count.incrementAndGet();
      if (!quiet) {
        System.out.println(format(f));
      }
    }, problems, () -> false);
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    problems.forEach(p -> System.err.println("problem: " + p));
    // cpu-seconds: what the whole process used (JIT and GC included), which a busy machine inflates less than wall time
    System.err.printf("files=%d bytes=%d findings=%d seconds=%.3f MB/s=%.2f files/s=%.1f cpu-seconds=%.1f%n", scanned,
        bytes, count.get(), seconds, bytes / 1e6 / seconds, scanned / seconds, cpu);
  }

  static String format(Finding f) {
    return f.getLocation().getPath() + ":" + f.getLocation().getStartLine() + " " + f.getRuleId() + " CWE"
        + f.getCweList() + " " + f.getSeverity() + " " + f.getConfidence() + " | " + f.getLocation().getSnippet()
        .replace('\n', ' ');
  }

  private static Optional<String> text(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
