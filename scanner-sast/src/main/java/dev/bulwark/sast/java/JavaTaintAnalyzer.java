package dev.bulwark.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.project.ProjectSummaries;
import dev.bulwark.sast.java.rules.JavaRules;
import dev.bulwark.sast.java.rules.RuleBook;
import dev.bulwark.sast.java.syntax.JavaSyntax;
import dev.bulwark.sast.java.syntax.Keywords;
import dev.bulwark.sast.java.taint.FileTaint;
import dev.bulwark.sast.java.taint.SinkHit;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Java: parses each file once ({@link JavaSyntax}), runs the taint analysis from every method and
 * constructor ({@link FileTaint}: untrusted data of every source kind → the sinks of the
 * {@link TaintCatalog}), following calls into methods of the same file and of other files of the
 * project ({@link ProjectSummaries}) and values stored in fields, then the rules that need no data
 * flow ({@link JavaRules}). Files whose text cannot contain a source, a credential sink or a rule's
 * keyword are not parsed. One finding per CWE and line: the most confident.
 */
public final class JavaTaintAnalyzer implements Analyzer {
  public static final String VERSION = "3";

  private final TaintCatalog catalog;
  private final RuleBook book;
  /** Every prefilter's keywords: a file's identifiers are looked up once. */
  private final Keywords keywords;

  public JavaTaintAnalyzer() {
    this(TaintCatalog.builtIn(), RuleBook.builtIn());
  }

  public JavaTaintAnalyzer(TaintCatalog catalog, RuleBook book) {
    this.catalog = catalog;
    this.book = book;
    var words = new java.util.HashSet<>(catalog.triggers().keywords());
    words.addAll(book.keywords());
    this.keywords = new Keywords(words, catalog.triggers().suffixes(), catalog.triggers().names());
  }

  @Override
  public String name() {
    return "java-taint";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public boolean accepts(String path) {
    return wants(path);
  }

  /** Whether the analyzer reads a file at this path (known before one is built): Java sources. */
  public static boolean wants(String path) {
    return path.endsWith(".java");
  }

  /** Files are analysed on several threads: summaries are shared concurrently, parsers are per thread. */
  @Override
  public boolean threadSafe() {
    return true;
  }

  @Override
  public List<DatabaseInfo> databases() {
    return List.of(
        DatabaseInfo.newBuilder().setName("rules:java-taint").setVersion(catalog.version() + "+" + catalog.hash())
            .setRecords(catalog.families().size()).build(),
        DatabaseInfo.newBuilder().setName("rules:java").setVersion(book.version() + "+" + book.hash())
            .setRecords(book.size()).build());
  }

  @Override
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) {
    var found = keywords.found(file.text());
    boolean taint = catalog.triggers().needsTaint(file.text(), found);
    boolean rules = JavaRules.wanted(file.text(), book, found);
    if (!taint && !rules) {
      return;
    }
    var summaries = ProjectSummaries.of(project, catalog);
    CompilationUnit cu = summaries.parse(file.path(), file.text());
    var kept = new LinkedHashMap<String, Finding>();
    if (taint) {
      summaries.beginFile();
      var analysis = new FileTaint(file.path(), cu, project, catalog, summaries, hit -> keep(kept, finding(hit, file)))
          .withLiteralSinks(catalog.triggers().mayHaveLiteralSink(file.text(), found));
      analysis.analyseEntryPoints();
      pullCallers(file, project, summaries, analysis.sourceMethods(), out);
    }
    if (rules) {
      JavaRules.check(cu, file.text(), found, project, catalog, book, (rule, node) -> keep(kept, finding(rule, file, node)));
    }
    kept.values().forEach(out);
  }

  /** What a file's analysis asked of another file's text ({@link ProjectSummaries#derived}), answered today. */
  @Override
  public Optional<String> derived(String path, String query, Project project) {
    return ProjectSummaries.derived(project, catalog, path, query);
  }

  /** One finding per CWE list and line: the most confident. */
  private static void keep(Map<String, Finding> kept, Finding f) {
    kept.merge(f.getCweList() + ":" + f.getLocation().getStartLine(), f,
        (a, b) -> b.getConfidenceValue() > a.getConfidenceValue() ? b : a);
  }

  /**
   * Files of the same package that call a method of this file returning untrusted data, and that
   * the prefilter would skip (no source of their own): their taint is analysed now, once per scan.
   */
  private void pullCallers(SourceFile file, Project project, ProjectSummaries summaries, Set<String> sourceMethods,
      Consumer<Finding> out) {
    for (String path : summaries.callersToPull(file.path(), sourceMethods)) {
      String text = summaries.textOf(path);
      if (text.isEmpty() || catalog.triggers().needsTaint(text)) {
        continue;
      }
      var caller = SourceFile.of(path, text);
      var kept = new LinkedHashMap<String, Finding>();
      summaries.beginFile();
      try {
        new FileTaint(path, summaries.parse(path, text), project, catalog, summaries, hit -> keep(kept, finding(hit, caller)))
            .analyseEntryPoints();
      } catch (IllegalArgumentException unparsable) {
        continue;
      }
      kept.values().forEach(out);
    }
  }

  private Finding finding(SinkHit hit, SourceFile file) {
    var kind = catalog.strongest(hit.kinds());
    return finding(hit.family().rule(hit.sink(), kind, hit.cwe()), file, hit.node());
  }

  private Finding finding(RuleInfo rule, SourceFile file, Node node) {
    int start = node.getBegin().map(p -> p.line).orElse(0);
    int end = node.getEnd().map(p -> p.line).orElse(start);
    return Findings.at(rule, id(), file, start, Math.max(start, end), file.snippet(start, start));
  }
}
