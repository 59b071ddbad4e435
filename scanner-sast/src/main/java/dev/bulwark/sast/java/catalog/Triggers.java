package dev.bulwark.sast.java.catalog;

import dev.bulwark.sast.java.syntax.Keywords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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
  /** A pattern to match once a keyword is found, when the text also has one of {@code requires} (empty: none needed). */
  private record Check(Pattern pattern, Set<String> requires) {}

  private final Map<String, List<Check>> sourceChecks = new HashMap<>();
  private final Map<String, List<Check>> sinkChecks = new HashMap<>();
  private final Set<String> suffixes = new HashSet<>();
  private final Pattern names;
  private volatile Keywords all;

  Triggers(List<CatalogYaml.SourceYaml> sources, List<CatalogYaml.SinkYaml> sinks, TaintCatalog catalog) {
    String names = null;
    for (var s : sources) {
      // a call on a typed receiver: its type (or, for a role, one of its names) must be in the text too
      var requires = new HashSet<String>(TaintCatalog.set(s.receivers()));
      if (s.receiver() != null) {
        var role = catalog.role(s.receiver());
        requires.addAll(role.types());
        requires.addAll(role.names());
        role.suffixes().forEach(x -> requires.add("*" + x));
        suffixes.addAll(role.suffixes());
      }
      for (String m : TaintCatalog.set(s.methods())) {
        add(sourceChecks, m, "\\.\\s*" + m + "\\s*\\(", requires);
      }
      if (s.methodPattern() != null) {
        names = names == null ? s.methodPattern() : names + "|" + s.methodPattern();
        add(sourceChecks, Keywords.PATTERN, "\\.\\s*(?:" + s.methodPattern() + ")\\s*\\(", requires);
      }
      TaintCatalog.set(s.statics()).forEach(st -> add(sourceChecks, member(st), dotted(st) + "\\s*\\(", Set.of()));
      TaintCatalog.set(s.fields()).forEach(f -> add(sourceChecks, member(f), dotted(f) + "\\b", Set.of()));
      TaintCatalog.set(s.constructors()).forEach(c -> add(sourceChecks, c, constructor(c), Set.of()));
      TaintCatalog.set(s.parameterAnnotations()).forEach(a -> add(sourceChecks, a, "@" + a + "\\b", Set.of()));
    }
    var literal = catalog.sources().literal();
    for (var s : sinks) {
      if (literal == null || (catalog.family(s.family()).kinds() & literal.bit()) == 0) {
        continue;
      }
      TaintCatalog.set(s.statics()).forEach(st -> add(sinkChecks, member(st), dotted(st) + "\\s*\\(", Set.of()));
      TaintCatalog.set(s.constructors()).forEach(c -> add(sinkChecks, c, constructor(c), Set.of()));
      TaintCatalog.set(s.methods()).forEach(m -> add(sinkChecks, m, "\\.\\s*" + m + "\\s*\\(", Set.of()));
    }
    this.names = names == null ? null : Pattern.compile(names);
  }

  /** Whether the text can contain a source of the catalogue. */
  public boolean mayHaveSource(CharSequence text) {
    return matches(text, keywordsIn(text), sourceChecks);
  }

  /**
   * Whether a fragment of a file (a method's body) can contain a source, not asking for the
   * receiver's type in the fragment itself (it is declared elsewhere in the file).
   */
  public boolean mayHaveSourceIn(CharSequence fragment) {
    for (String word : keywordsIn(fragment)) {
      for (Check c : sourceChecks.getOrDefault(word, List.of())) {
        if (c.pattern().matcher(fragment).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the text can contain a sink that reports literals (a credential or key parameter). */
  public boolean mayHaveLiteralSink(CharSequence text) {
    return matches(text, keywordsIn(text), sinkChecks);
  }

  /** Whether the text needs the taint analysis at all. */
  public boolean needsTaint(CharSequence text) {
    var found = keywordsIn(text);
    return matches(text, found, sourceChecks) || matches(text, found, sinkChecks);
  }

  /**
   * As {@link #needsTaint(CharSequence)}, given the keywords of the text (found once for every
   * prefilter of a file with {@link #keywords()}, {@link #suffixes()} and {@link #names()}).
   */
  public boolean needsTaint(CharSequence text, Set<String> found) {
    return matches(text, found, sourceChecks) || matches(text, found, sinkChecks);
  }

  /** Whether the text can contain a sink that reports literals, given its keywords. */
  public boolean mayHaveLiteralSink(CharSequence text, Set<String> found) {
    return matches(text, found, sinkChecks);
  }

  /** Every word the prefilters look for (method, member, type and receiver names). */
  public Set<String> keywords() {
    var all = new HashSet<String>(sourceChecks.keySet());
    all.addAll(sinkChecks.keySet());
    sourceChecks.values().forEach(l -> l.forEach(c -> c.requires().stream().filter(r -> !r.startsWith("*"))
        .forEach(all::add)));
    all.remove(Keywords.PATTERN);
    return all;
  }

  /** Type-name suffixes the prefilters look for (a role's {@code Request}). */
  public Set<String> suffixes() {
    return Set.copyOf(suffixes);
  }

  /** The pattern of identifiers (request wrapper accessors) that count as {@link Keywords#PATTERN}. */
  public Pattern names() {
    return names;
  }

  private Set<String> keywordsIn(CharSequence text) {
    if (all == null) {
      all = new Keywords(keywords(), suffixes, names);
    }
    return all.found(text);
  }

  private static boolean matches(CharSequence text, Set<String> found, Map<String, List<Check>> checks) {
    for (String word : found) {
      for (Check c : checks.getOrDefault(word, List.of())) {
        if ((c.requires().isEmpty() || c.requires().stream().anyMatch(found::contains)) && c.pattern().matcher(text).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void add(Map<String, List<Check>> checks, String word, String regex, Set<String> requires) {
    checks.computeIfAbsent(word, k -> new ArrayList<>()).add(new Check(Pattern.compile(regex), Set.copyOf(requires)));
  }

  private static String member(String typeDotMember) {
    return typeDotMember.substring(typeDotMember.lastIndexOf('.') + 1);
  }

  // Patterns start with a literal (no \\b), so that the regex engine skips ahead quickly.
  private static String dotted(String typeDotMember) {
    int dot = typeDotMember.lastIndexOf('.');
    return typeDotMember.substring(0, dot) + "\\s*\\.\\s*" + typeDotMember.substring(dot + 1);
  }

  private static String constructor(String type) {
    return type + "\\s*[(<]";
  }
}
