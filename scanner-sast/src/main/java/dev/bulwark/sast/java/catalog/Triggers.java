package dev.bulwark.sast.java.catalog;

import dev.bulwark.sast.java.syntax.Keywords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keyword prefilters derived from the catalogue: whether a file's text can contain a source (a
 * source call, static, field, constructor or annotation, written as Java writes it) or a sink that
 * reports literals (a hard-coded credential). First the identifiers are looked up in a keyword set
 * (one pass, no regex); only the patterns of the keywords found are then matched. A file that can
 * contain neither needs no taint analysis; comments may let a file through, never the reverse.
 */
public final class Triggers {
  private final Keywords sourceWords;
  private final Map<String, List<Pattern>> sourcePatterns = new HashMap<>();
  private final Keywords sinkWords;
  private final Map<String, List<Pattern>> sinkPatterns = new HashMap<>();

  Triggers(List<CatalogYaml.SourceYaml> sources, List<CatalogYaml.SinkYaml> sinks, TaintCatalog catalog) {
    String names = null;
    for (var s : sources) {
      for (String m : TaintCatalog.set(s.methods())) {
        add(sourcePatterns, m, "\\.\\s*" + m + "\\s*\\(");
      }
      if (s.methodPattern() != null) {
        names = names == null ? s.methodPattern() : names + "|" + s.methodPattern();
        add(sourcePatterns, Keywords.PATTERN, "\\.\\s*(?:" + s.methodPattern() + ")\\s*\\(");
      }
      TaintCatalog.set(s.statics()).forEach(st -> add(sourcePatterns, member(st), dotted(st) + "\\s*\\("));
      TaintCatalog.set(s.fields()).forEach(f -> add(sourcePatterns, member(f), dotted(f) + "\\b"));
      TaintCatalog.set(s.constructors()).forEach(c -> add(sourcePatterns, c, constructor(c)));
      TaintCatalog.set(s.parameterAnnotations()).forEach(a -> add(sourcePatterns, a, "@" + a + "\\b"));
    }
    var literal = catalog.sources().literal();
    for (var s : sinks) {
      if (literal == null || (catalog.family(s.family()).kinds() & literal.bit()) == 0) {
        continue;
      }
      TaintCatalog.set(s.statics()).forEach(st -> add(sinkPatterns, member(st), dotted(st) + "\\s*\\("));
      TaintCatalog.set(s.constructors()).forEach(c -> add(sinkPatterns, c, constructor(c)));
      TaintCatalog.set(s.methods()).forEach(m -> add(sinkPatterns, m, "\\.\\s*" + m + "\\s*\\("));
    }
    this.sourceWords = new Keywords(sourcePatterns.keySet(), names == null ? null : Pattern.compile(names));
    this.sinkWords = new Keywords(sinkPatterns.keySet());
  }

  /** Whether the text can contain a source of the catalogue. */
  public boolean mayHaveSource(CharSequence text) {
    return matches(text, sourceWords, sourcePatterns);
  }

  /** Whether the text can contain a sink that reports literals (a credential or key parameter). */
  public boolean mayHaveLiteralSink(CharSequence text) {
    return matches(text, sinkWords, sinkPatterns);
  }

  /** Whether the text needs the taint analysis at all. */
  public boolean needsTaint(CharSequence text) {
    return mayHaveSource(text) || mayHaveLiteralSink(text);
  }

  private static boolean matches(CharSequence text, Keywords words, Map<String, List<Pattern>> patterns) {
    for (String word : words.found(text)) {
      for (Pattern p : patterns.get(word)) {
        if (p.matcher(text).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void add(Map<String, List<Pattern>> patterns, String word, String regex) {
    patterns.computeIfAbsent(word, k -> new ArrayList<>()).add(Pattern.compile(regex));
  }

  private static String member(String typeDotMember) {
    return typeDotMember.substring(typeDotMember.lastIndexOf('.') + 1);
  }

  private static String dotted(String typeDotMember) {
    int dot = typeDotMember.lastIndexOf('.');
    return "\\b" + typeDotMember.substring(0, dot) + "\\s*\\.\\s*" + typeDotMember.substring(dot + 1);
  }

  private static String constructor(String type) {
    return "\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)*" + type + "\\s*[(<]";
  }
}
