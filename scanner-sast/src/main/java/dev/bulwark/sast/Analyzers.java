package dev.bulwark.sast;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.java.JavaTaintAnalyzer;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.rules.RuleBook;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.lang.csharp.CSharp;
import dev.bulwark.sast.lang.go.Go;
import dev.bulwark.sast.lang.javascript.JavaScript;
import dev.bulwark.sast.lang.php.Php;
import dev.bulwark.sast.lang.python.Python;
import dev.bulwark.sast.lang.ruby.Ruby;
import dev.bulwark.sast.rules.TreeAnalyzer;
import dev.bulwark.sast.secrets.SecretsAnalyzer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The registry: every analyzer the SAST scanner runs, in one list. Adding one is one line here. */
public final class Analyzers {
  private Analyzers() {}

  /**
   * One analyzer of the registry: which files it wants, known before it is built (building one
   * compiles its rule pack, which takes a while), and how to build it.
   */
  private record Entry(Predicate<String> wants, Supplier<Analyzer> build) {
    static Entry of(Language language) {
      return new Entry(path -> TreeAnalyzer.wants(language, path), () -> TreeAnalyzer.builtIn(language));
    }
  }

  /** @param rulePacks where rule packs keep their parsed form between runs, if anywhere */
  private static List<Entry> registry(Optional<Path> rulePacks) {
    return List.of(
        new Entry(path -> true, // every check looks for secrets
            () -> rulePacks.map(SecretsAnalyzer::builtIn).orElseGet(SecretsAnalyzer::builtIn)),
        new Entry(JavaTaintAnalyzer::wants,
            () -> new JavaTaintAnalyzer(TaintCatalog.builtIn(rulePacks), RuleBook.builtIn(rulePacks))),
        Entry.of(JavaScript.language()),
        Entry.of(Python.language()),
        Entry.of(Go.language()),
        Entry.of(Php.language()),
        Entry.of(Ruby.language()),
        Entry.of(CSharp.language()));
  }

  public static List<Analyzer> builtIn() {
    return builtIn(Optional.empty());
  }

  /** Every built-in analyzer; rule packs keep their parsed form in {@code rulePacks} between runs when given. */
  public static List<Analyzer> builtIn(Optional<Path> rulePacks) {
    return registry(rulePacks).stream().map(e -> e.build().get()).toList();
  }

  /**
   * The built-in analyzers that want at least one of these paths, in registry order (the secrets
   * analyzer wants every path): what {@code bulwark check} needs for a few files, without compiling the rule
   * packs of the languages it does not see.
   */
  public static List<Analyzer> builtInFor(Collection<String> paths) {
    return builtInFor(paths, Optional.empty());
  }

  /** As {@link #builtInFor(Collection)}; rule packs keep their parsed form in {@code rulePacks} between runs when given. */
  public static List<Analyzer> builtInFor(Collection<String> paths, Optional<Path> rulePacks) {
    return registry(rulePacks).stream().filter(e -> paths.stream().anyMatch(e.wants()))
        .map(e -> e.build().get()).toList();
  }

  /** Only the secrets analyzer (benchmarks, secrets-only scans). */
  public static List<Analyzer> secretsOnly() {
    return List.of(SecretsAnalyzer.builtIn());
  }
}
