package dev.bulwark.sast.rules;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.lang.Lowering;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.syntax.SyntaxTree;
import dev.bulwark.sast.syntax.TreeParser;
import dev.bulwark.sast.taint.Module;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lowered files of one language in one scan: the file being analysed, and the files its calls
 * lead to (read from the project on demand). Bounded, least recently used first out.
 */
final class Modules {
  static final int CAPACITY = 1024;

  /** A lowered file and, when the parser had to skip parts of it, what it skipped. */
  record Lowered(Module module, String problem) {}

  private final Language language;
  private final RulePack pack;
  private final Map<String, Optional<Module>> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<Module>> eldest) {
      return size() > CAPACITY;
    }
  };

  Modules(Language language, RulePack pack) {
    this.language = language;
    this.pack = pack;
  }

  /** Parses and lowers a file's text; throws {@link Unparsable} when the parser gives up. */
  Lowered lower(String path, String text) throws Unparsable {
    SyntaxTree best = null;
    String why = "no grammar";
    for (Grammar g : language.grammars().forPath(path)) {
      var result = TreeParser.parse(g, text);
      if (result instanceof TreeParser.Result.Parsed p) {
        if (best == null || p.tree().errorLines().size() < best.errorLines().size()) {
          best = p.tree();
        }
        if (best.errorLines().isEmpty()) {
          break;
        }
      } else {
        why = ((TreeParser.Result.Unparsable) result).reason();
      }
    }
    if (best == null) {
      throw new Unparsable(why);
    }
    Lowering lowering = language.lowering().create(path, best, pack.entryPoints());
    Module m = lowering.lower();
    cache.put(path, Optional.of(m));
    String problem = null;
    if (!best.errorLines().isEmpty()) {
      var lines = best.errorLines();
      problem = "syntax errors from line" + (lines.size() > 1 ? "s " : " ") + lines.subList(0, Math.min(5, lines.size()))
          + (lines.size() > 5 ? " and " + (lines.size() - 5) + " more" : "") + " (those parts were not analysed)";
    } else if (best.truncated()) {
      problem = "nesting deeper than " + TreeParser.MAX_DEPTH + " levels was not analysed";
    }
    return new Lowered(m, problem);
  }

  /** Another file of the project, lowered, or empty when it is absent, unreadable or unparsable. */
  Optional<Module> get(String path, Project project) {
    Optional<Module> m = cache.get(path);
    if (m != null) {
      return m;
    }
    m = project.read(path).flatMap(text -> {
      try {
        return Optional.of(lower(path, text).module());
      } catch (Unparsable | RuntimeException | StackOverflowError e) {
        return Optional.empty();
      }
    });
    cache.put(path, m);
    return m;
  }

  /** The parser gave up on a file (time limit). */
  static final class Unparsable extends Exception {
    Unparsable(String message) {
      super(message);
    }
  }
}
