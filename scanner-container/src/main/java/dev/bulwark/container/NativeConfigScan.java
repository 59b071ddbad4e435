package dev.bulwark.container;

import dev.bulwark.container.check.ConfigAnalyzer;
import dev.bulwark.container.check.ConfigFindings;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.results.TreeFacts;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.UnitResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the native configuration analyzers over the workspace's files. Each file's findings and
 * problems are kept in the workspace's results cache with what they depend on besides the file
 * (its folder's files for an analyzer that reads them, the analyzers' facts such as which base
 * images are past their end of life): a file whose content and dependencies did not change is
 * neither fetched nor analysed again.
 */
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
    var cache = ws.results();
    var treeFacts = new TreeFacts(ws.files());
    var analyzerFacts = new HashMap<String, String>();
    if (!small.isEmpty() && cache.enabled()) {
      analyzers.forEach(a -> a.facts().forEach((k, v) -> analyzerFacts.put(a.name() + ":" + k, v)));
    }
    Function<String, String> current = d -> analyzerFacts.containsKey(d) ? analyzerFacts.get(d) : treeFacts.apply(d);
    var kept = new HashMap<String, UnitResult>();
    var todo = new ArrayList<FileEntry>();
    for (FileEntry f : small) {
      cache.lookup(f.getPath(), f.getDigest().getHash(), current)
          .ifPresentOrElse(r -> kept.put(f.getPath(), r), () -> todo.add(f));
    }
    ws.prefetch(todo);
    var texts = new Texts(ws, small);
    int scanned = 0;
    for (FileEntry file : small) {
      if (ws.cancelled()) {
        break;
      }
      UnitResult result = kept.get(file.getPath());
      if (result == null) {
        var dependencies = new LinkedHashSet<String>();
        var made = analyse(file.getPath(), texts, dependencies);
        cache.save(file.getPath(), file.getDigest().getHash(), made, dependencies, current);
        result = made.build();
      }
      findings.addAll(result.getFindingsList());
      problems.addAll(result.getProblemsList());
      scanned += result.getAnalysed() ? 1 : 0;
    }
    return new Result(findings, problems, scanned);
  }

  /** Runs every analyzer that accepts the file; adds what it read besides the file to {@code dependencies}. */
  private UnitResult.Builder analyse(String path, Texts texts, java.util.Set<String> dependencies) throws IOException {
    var result = UnitResult.newBuilder();
    var text = texts.get(path);
    if (text.isEmpty()) {
      return result.addProblems(path + ": not UTF-8 text");
    }
    result.setAnalysed(true);
    for (var analyzer : analyzers) {
      if (!analyzer.accepts(path)) {
        continue;
      }
      analyzer.facts().keySet().forEach(k -> dependencies.add(analyzer.name() + ":" + k));
      Map<String, String> siblings = Map.of();
      if (analyzer.readsFolder()) {
        dependencies.add(TreeFacts.in(TreeFacts.folder(path)));
        siblings = texts.siblings(path, analyzer, dependencies);
      }
      try {
        for (var hit : analyzer.analyze(path, text.get(), siblings)) {
          result.addFindings(ConfigFindings.toFinding(analyzer, path, hit));
        }
      } catch (ConfigParseException e) {
        result.addProblems(path + ": " + analyzer.name() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        // A check bug must not sink the scan of every other file.
        result.addProblems(path + ": " + analyzer.name() + " failed: " + e);
      }
    }
    return result;
  }

  /** The small configuration files' texts, read on first use (a kept result needs none). */
  private static final class Texts {
    private final ScanWorkspace ws;
    private final Map<String, FileEntry> files = new LinkedHashMap<>();
    private final Map<String, Optional<String>> read = new HashMap<>();

    Texts(ScanWorkspace ws, List<FileEntry> small) {
      this.ws = ws;
      small.forEach(f -> files.put(f.getPath(), f));
    }

    /** The file's text, or empty when it is not UTF-8. */
    Optional<String> get(String path) throws IOException {
      var text = read.get(path);
      if (text == null) {
        text = ws.readText(files.get(path));
        read.put(path, text);
      }
      return text;
    }

    /** The other files of the same folder that the analyzer accepts and that are text, each a dependency. */
    Map<String, String> siblings(String path, ConfigAnalyzer analyzer, java.util.Set<String> dependencies)
        throws IOException {
      String dir = TreeFacts.folder(path);
      var out = new LinkedHashMap<String, String>();
      for (String p : files.keySet()) {
        if (!p.equals(path) && TreeFacts.folder(p).equals(dir) && analyzer.accepts(p)) {
          dependencies.add(TreeFacts.read(p));
          var text = get(p);
          if (text.isPresent()) {
            out.put(p, text.get());
          }
        }
      }
      return out;
    }
  }
}
