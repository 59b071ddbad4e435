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
    return !triggered(text, book, book.keywordsIn(text)).isEmpty();
  }

  /** As {@link #wanted(String, RuleBook)}, given the identifiers of the text among the book's keywords. */
  public static boolean wanted(String text, RuleBook book, java.util.Set<String> found) {
    return !triggered(text, book, found).isEmpty();
  }

  /** The families whose trigger fires on the text: a keyword first (one pass over it), then the pattern. */
  private static List<JavaRule> triggered(String text, RuleBook book, java.util.Set<String> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    return FAMILIES.stream().filter(f -> {
      var t = book.trigger(f.trigger());
      return t.keywords().stream().anyMatch(found::contains) && t.pattern().matcher(text).find();
    }).toList();
  }

  /** Runs every family whose trigger matches over one parsed file. */
  public static void check(CompilationUnit cu, String text, java.util.Set<String> found, Project project,
      TaintCatalog catalog, RuleBook book, BiConsumer<RuleInfo, Node> out) {
    var families = triggered(text, book, found);
    if (families.isEmpty()) {
      return;
    }
    var names = new HashSet<String>();
    families.forEach(f -> names.addAll(f.names()));
    var ctx = new RuleContext(cu, project, catalog, book, names, out);
    families.forEach(f -> f.check(ctx));
  }
}
