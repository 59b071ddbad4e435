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
      new CookieRule(),
      new TlsRule());

  private JavaRules() {}

  /** Whether some family's trigger matches the text (otherwise the rules have nothing to say about it). */
  public static boolean wanted(String text, RuleBook book) {
    return FAMILIES.stream().anyMatch(f -> book.trigger(f.trigger()).matcher(text).find());
  }

  /** Runs every family whose trigger matches over one parsed file. */
  public static void check(CompilationUnit cu, String text, Project project, TaintCatalog catalog, RuleBook book,
      BiConsumer<RuleInfo, Node> out) {
    var families = FAMILIES.stream().filter(f -> book.trigger(f.trigger()).matcher(text).find()).toList();
    if (families.isEmpty()) {
      return;
    }
    var names = new HashSet<String>();
    families.forEach(f -> names.addAll(f.names()));
    var ctx = new RuleContext(cu, project, catalog, book, names, out);
    families.forEach(f -> f.check(ctx));
  }
}
