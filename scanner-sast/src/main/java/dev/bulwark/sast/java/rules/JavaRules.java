package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiConsumer;

/** The registry of Java rule families that need no data flow: one line each. */
public final class JavaRules {
  private static final List<JavaRule> FAMILIES = List.of(
      new CryptoRule(),
      new RandomRule(),
      new XxeRule(),
      new DeserializationRule(),
      new CredentialRule(),
      new CookieRule(),
      new TlsRule());

  private JavaRules() {}

  /** Runs every family over one parsed file. */
  public static void check(CompilationUnit cu, Project project, TaintCatalog catalog, RuleBook book,
      BiConsumer<RuleInfo, Node> out) {
    var names = new HashSet<String>();
    FAMILIES.forEach(f -> names.addAll(f.names()));
    var ctx = new RuleContext(cu, project, catalog, book, names, out);
    FAMILIES.forEach(f -> f.check(ctx));
  }
}
