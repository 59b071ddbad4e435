package dev.bulwark.sast.lang.javascript;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.lang.Paths;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript and TypeScript: {@code .ts} files use the TypeScript grammar; {@code .tsx} files try
 * it and then the JavaScript grammar (which reads JSX; the binding ships no TSX grammar), keeping
 * the tree with fewer errors. Relative {@code require}/{@code import} specifiers name project files.
 */
public final class JavaScript {
  private static final List<String> SUFFIXES = List.of("", ".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", "/index.js",
      "/index.ts");

  private JavaScript() {}

  public static Language language() {
    return new Language("javascript", List.of("js", "jsx", "mjs", "cjs", "ts", "tsx"), JavaScript::grammars,
        JavaScriptLowering::new, JavaScript::files);
  }

  private static List<Grammar> grammars(String path) {
    if (path.endsWith(".ts") || path.endsWith(".mts") || path.endsWith(".cts")) {
      return List.of(Grammar.TYPESCRIPT);
    }
    return path.endsWith(".tsx") ? List.of(Grammar.TYPESCRIPT, Grammar.JAVASCRIPT) : List.of(Grammar.JAVASCRIPT);
  }

  private static List<String> files(Module from, String spec, Project project) {
    if (!spec.startsWith(".")) {
      return List.of();
    }
    String base = Paths.join(Paths.dir(from.path()), spec);
    if (base == null) {
      return List.of();
    }
    var out = new ArrayList<String>();
    for (String s : SUFFIXES) {
      String candidate = base + s;
      String name = candidate.substring(candidate.lastIndexOf('/') + 1);
      if (project.pathsNamed(name).contains(candidate)) {
        out.add(candidate);
      }
    }
    return out;
  }
}
