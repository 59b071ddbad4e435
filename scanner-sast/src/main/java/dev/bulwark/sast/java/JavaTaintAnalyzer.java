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
import dev.bulwark.sast.java.taint.FileTaint;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Java: parses each file once ({@link JavaSyntax}), runs the taint analysis from every method and
 * constructor ({@link FileTaint}: untrusted data → the sinks of the {@link TaintCatalog}), following
 * calls into methods of the same file and of other files of the project ({@link ProjectSummaries})
 * and values stored in fields, then the rules that need no data flow ({@link JavaRules}: weak
 * crypto, predictable random, insecure cookies, XXE, deserialisation, trust-all TLS, hard-coded
 * passwords).
 */
public final class JavaTaintAnalyzer implements Analyzer {
  public static final String VERSION = "2";

  private final TaintCatalog catalog;
  private final RuleBook book;

  public JavaTaintAnalyzer() {
    this(TaintCatalog.builtIn(), RuleBook.builtIn());
  }

  public JavaTaintAnalyzer(TaintCatalog catalog, RuleBook book) {
    this.catalog = catalog;
    this.book = book;
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
    return path.endsWith(".java");
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
    CompilationUnit cu = JavaSyntax.parse(file.text());
    var seen = new HashSet<String>();
    Consumer<Finding> once = f -> {
      if (seen.add(f.getRuleId() + ":" + f.getLocation().getStartLine())) {
        out.accept(f);
      }
    };
    var callees = ProjectSummaries.of(project, catalog);
    new FileTaint(cu, project, catalog, callees,
        hit -> once.accept(finding(hit.family().rule(hit.sink()), file, hit.node()))).analyseEntryPoints();
    JavaRules.check(cu, project, catalog, book, (rule, node) -> once.accept(finding(rule, file, node)));
  }

  private Finding finding(RuleInfo rule, SourceFile file, Node node) {
    int start = node.getBegin().map(p -> p.line).orElse(0);
    int end = node.getEnd().map(p -> p.line).orElse(start);
    return Findings.at(rule, id(), file, start, Math.max(start, end), file.snippet(start, start));
  }
}
