package dev.bulwark.sast.rules;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.syntax.GrammarUnavailable;
import dev.bulwark.sast.taint.Label;
import dev.bulwark.sast.taint.Module;
import dev.bulwark.sast.taint.TaintEngine;
import dev.bulwark.sast.taint.TaintRule;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one language's rule pack over syntax trees: the file is parsed with tree-sitter, lowered,
 * and analysed by the shared {@link TaintEngine}, whose summaries and lowered files live for the
 * whole scan (so a call into another file is followed, and each function summarised once).
 * A file the parser could only partly read is analysed where it could, and reported as a problem
 * (the scan is then DEGRADED), never as a failure of the scanner.
 */
public final class TreeAnalyzer implements Analyzer {
  public static final String VERSION = "2";

  private final Language language;
  private final RulePack pack;

  public TreeAnalyzer(Language language, RulePack pack) {
    this.language = language;
    this.pack = pack;
  }

  public static TreeAnalyzer builtIn(Language language) {
    return new TreeAnalyzer(language, RulePack.builtIn(language.name()));
  }

  public RulePack pack() {
    return pack;
  }

  @Override
  public String name() {
    return language.name();
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public boolean accepts(String path) {
    return wants(language, path);
  }

  /**
   * Whether the analyzer of this language reads a file at this path, known before its rule pack
   * is compiled: the language's extensions, minified scripts and type declarations left out.
   */
  public static boolean wants(Language language, String path) {
    String ext = SourceFile.extensionOf(path);
    return language.extensions().contains(ext) && !path.endsWith(".min.js") && !path.endsWith(".d.ts");
  }

  @Override
  public List<DatabaseInfo> databases() {
    return List.of(DatabaseInfo.newBuilder().setName("rules:" + name())
        .setVersion(pack.version() + "+" + pack.hash()).setRecords(pack.model().rules().size()).build());
  }

  @Override
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) throws Exception {
    if (pack.prefilter() != null && !pack.prefilter().matcher(file.text()).find()) {
      return; // nothing here can start a finding; a caller elsewhere still reads it on demand
    }
    Scan scan = project.shared(Scans.class, Scans::new).of(this, project);
    synchronized (scan) {
      if (scan.unavailable != null) {
        return; // already reported once for this scan
      }
      Modules.Lowered lowered;
      try {
        lowered = scan.modules.lower(file.path(), file.text());
      } catch (GrammarUnavailable e) {
        scan.unavailable = e.toString();
        throw new IllegalStateException(name() + " files are not analysed: " + e.getMessage(), e);
      }
      scan.out = out;
      try {
        scan.engine.analyze(lowered.module());
      } finally {
        scan.out = null;
      }
      if (lowered.problem() != null) {
        throw new PartlyAnalysed(lowered.problem());
      }
    }
  }

  private Finding finding(TaintRule rule, Module module, int line, Label label) {
    Confidence confidence = label == null ? rule.confidence()
        : label.kind() == Label.Kind.REMOTE ? Confidence.CONFIDENCE_HIGH : Confidence.CONFIDENCE_MEDIUM;
    String description = label == null ? rule.title()
        : rule.title() + " (" + (label.kind() == Label.Kind.REMOTE ? "request data " : "local input ") + label.what()
            + (label.line() > 0 ? " from line " + label.line() : "") + ")";
    var info = new Findings.RuleInfo(rule.id(), rule.title(), description, rule.severity(), rule.cwe(), confidence,
        rule.remediation());
    var source = SourceFile.of(module.path(), module.text());
    return Findings.at(info, id(), source, line, line, source.snippet(line, line));
  }

  /** The analysis state of every tree analyzer for one scan. */
  static final class Scans {
    private final Map<TreeAnalyzer, Scan> byAnalyzer = new HashMap<>();

    synchronized Scan of(TreeAnalyzer analyzer, Project project) {
      return byAnalyzer.computeIfAbsent(analyzer, a -> new Scan(a, project));
    }
  }

  /** One language's lowered files, summaries and reported findings for one scan. */
  static final class Scan {
    final Modules modules;
    final TaintEngine engine;
    Consumer<Finding> out;
    String unavailable;

    Scan(TreeAnalyzer analyzer, Project project) {
      modules = new Modules(analyzer.language, analyzer.pack);
      engine = new TaintEngine(analyzer.pack.model(), new ProjectResolver(analyzer.language, modules, project),
          (rule, module, line, label) -> {
            if (out != null) {
              out.accept(analyzer.finding(rule, module, line, label));
            }
          });
    }
  }

  /** The file was analysed except where the parser had to skip (the scan notes it as DEGRADED). */
  static final class PartlyAnalysed extends Exception {
    PartlyAnalysed(String message) {
      super(message);
    }
  }
}
