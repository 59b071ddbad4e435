package dev.bulwark.container;

import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.container.check.ConfigAnalyzer;
import dev.bulwark.container.check.ConfigFindings;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the native configuration analyzers over the workspace's files. */
final class NativeConfigScan {
  /** Larger configuration files are skipped (reported), not parsed. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final List<ConfigAnalyzer> analyzers;

  NativeConfigScan(List<ConfigAnalyzer> analyzers) {
    this.analyzers = analyzers;
  }

  /** Findings and problems of one run. */
  record Result(List<Finding> findings, List<String> problems, int filesScanned) {}

  Result run(ScanWorkspace ws) throws IOException {
    var wanted = ws.select(p -> analyzers.stream().anyMatch(a -> a.accepts(p)));
    var findings = new ArrayList<Finding>();
    var problems = new ArrayList<String>();
    var small = wanted.stream().filter(f -> f.getDigest().getSizeBytes() <= MAX_FILE_BYTES).toList();
    wanted.stream().filter(f -> f.getDigest().getSizeBytes() > MAX_FILE_BYTES)
        .forEach(f -> problems.add(f.getPath() + ": skipped, larger than " + MAX_FILE_BYTES + " bytes"));
    ws.prefetch(small);
    var texts = new java.util.LinkedHashMap<String, String>();
    for (FileEntry file : small) {
      var text = ws.readText(file);
      if (text.isEmpty()) {
        problems.add(file.getPath() + ": not UTF-8 text");
      } else {
        texts.put(file.getPath(), text.get());
      }
    }
    int scanned = 0;
    for (var file : texts.entrySet()) {
      if (ws.cancelled()) {
        break;
      }
      String path = file.getKey();
      scanned++;
      for (var analyzer : analyzers) {
        if (!analyzer.accepts(path)) {
          continue;
        }
        try {
          for (var hit : analyzer.analyze(path, file.getValue(), siblings(texts, path, analyzer))) {
            findings.add(ConfigFindings.toFinding(analyzer, path, hit));
          }
        } catch (ConfigParseException e) {
          problems.add(path + ": " + analyzer.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
          // A check bug must not sink the scan of every other file.
          problems.add(path + ": " + analyzer.name() + " failed: " + e);
        }
      }
    }
    return new Result(findings, problems, scanned);
  }

  /** The other files of the same folder that the analyzer accepts. */
  private static java.util.Map<String, String> siblings(java.util.Map<String, String> texts, String path,
      ConfigAnalyzer analyzer) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    var out = new java.util.LinkedHashMap<String, String>();
    texts.forEach((p, t) -> {
      String d = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
      if (!p.equals(path) && d.equals(dir) && analyzer.accepts(p)) {
        out.put(p, t);
      }
    });
    return out;
  }
}
