package dev.bulwark.sast.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.function.Consumer;

/**
 * Java: parses each file with JavaParser, runs the taint analysis from every method and
 * constructor (request data → SQL, shell, file, LDAP, XPath, HTML response, session), following
 * calls into methods of the same file and of other files of the project ({@link ProjectCalls})
 * and values stored in fields, then the rules that need no data flow ({@link JavaRules}: weak crypto, predictable
 * random, insecure cookies, XXE, deserialisation, trust-all TLS, hard-coded passwords).
 */
public final class JavaTaintAnalyzer implements Analyzer {
  public static final String VERSION = "2";
  private static final int MAX_FIELD_ROUNDS = 3;

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
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) {
    CompilationUnit cu = parse(file);
    var seen = new HashSet<String>();
    Consumer<Finding> once = f -> {
      if (seen.add(f.getRuleId() + ":" + f.getLocation().getStartLine())) {
        out.accept(f);
      }
    };
    var context = new FileContext(cu, project, hit -> once.accept(finding(hit.vuln().rule(hit.sink()), file, hit.node())));
    // Every method is an entry point. What one stores into a field, the others read: the file
    // is analysed again while the fields' taint grows (a finding is reported once).
    for (int round = 0; round < MAX_FIELD_ROUNDS; round++) {
      var before = new HashMap<>(context.fieldTaint);
      for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
        var body = c instanceof MethodDeclaration m ? m.getBody().orElse(null)
            : ((ConstructorDeclaration) c).getBody();
        if (body != null) {
          new TaintInterpreter(context.entry(c)).run(body);
        }
      }
      if (context.fieldTaint.equals(before)) {
        break;
      }
    }
    new JavaRules(context, (rule, node) -> once.accept(finding(rule, file, node))).check();
  }

  private Finding finding(RuleInfo rule, SourceFile file, Node node) {
    int start = node.getBegin().map(p -> p.line).orElse(0);
    int end = node.getEnd().map(p -> p.line).orElse(start);
    return Findings.at(rule, id(), file, start, Math.max(start, end), file.snippet(start, start));
  }

  static CompilationUnit parse(SourceFile file) {
    var config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
        .setAttributeComments(false);
    var result = new JavaParser(config).parse(file.text());
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      String why = result.getProblems().isEmpty() ? "unknown error" : result.getProblem(0).getVerboseMessage();
      throw new IllegalArgumentException("cannot parse Java: " + why.lines().findFirst().orElse(why));
    }
    return result.getResult().get();
  }
}
