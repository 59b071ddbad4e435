package dev.bulwark.sast.lang.go;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.lang.Paths;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.List;

/** Go: a function not found in the file is looked up in the other files of its package (folder). */
public final class Go {
  private Go() {}

  public static Language language() {
    return new Language("go", List.of("go"), path -> List.of(Grammar.GO), GoLowering::new, Go::files);
  }

  private static List<String> files(Module from, String spec, Project project) {
    if (!spec.equals("package:")) {
      return List.of();
    }
    String dir = Paths.dir(from.path());
    return project.pathsIn(dir).stream().filter(p -> p.endsWith(".go") && !p.endsWith("_test.go")).toList();
  }
}
