package dev.bulwark.sast.lang.php;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.List;

/** PHP: included files are project files; a class is looked for in {@code ClassName.php} (PSR-4). */
public final class Php {
  private Php() {}

  public static Language language() {
    return new Language("php", List.of("php", "phtml", "inc"), path -> List.of(Grammar.PHP), PhpLowering::new,
        Php::files);
  }

  private static List<String> files(Module from, String spec, Project project) {
    if (spec.startsWith("class:")) {
      String name = spec.substring(6);
      return project.pathsNamed(name.substring(name.lastIndexOf('\\') + 1) + ".php");
    }
    if (spec.endsWith(".php")) {
      String name = spec.substring(spec.lastIndexOf('/') + 1);
      return project.pathsNamed(name).stream().filter(p -> p.equals(spec)).toList();
    }
    return List.of();
  }
}
