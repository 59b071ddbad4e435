package dev.bulwark.sast;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.java.JavaTaintAnalyzer;
import dev.bulwark.sast.lang.csharp.CSharp;
import dev.bulwark.sast.lang.go.Go;
import dev.bulwark.sast.lang.javascript.JavaScript;
import dev.bulwark.sast.lang.php.Php;
import dev.bulwark.sast.lang.python.Python;
import dev.bulwark.sast.lang.ruby.Ruby;
import dev.bulwark.sast.rules.TreeAnalyzer;
import dev.bulwark.sast.secrets.SecretsAnalyzer;
import java.util.List;

/** The registry: every analyzer the SAST scanner runs, in one list. Adding one is one line here. */
public final class Analyzers {
  private Analyzers() {}

  public static List<Analyzer> builtIn() {
    return List.of(
        SecretsAnalyzer.builtIn(),
        new JavaTaintAnalyzer(),
        TreeAnalyzer.builtIn(JavaScript.language()),
        TreeAnalyzer.builtIn(Python.language()),
        TreeAnalyzer.builtIn(Go.language()),
        TreeAnalyzer.builtIn(Php.language()),
        TreeAnalyzer.builtIn(Ruby.language()),
        TreeAnalyzer.builtIn(CSharp.language()));
  }

  /** Only the secrets analyzer (benchmarks, secrets-only scans). */
  public static List<Analyzer> secretsOnly() {
    return List.of(SecretsAnalyzer.builtIn());
  }
}
