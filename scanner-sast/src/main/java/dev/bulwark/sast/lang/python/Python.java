package dev.bulwark.sast.lang.python;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.lang.Paths;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.ArrayList;
import java.util.List;

/** Python: modules named by dotted paths ({@code app.db}) or relative ones ({@code .db}) are project files. */
public final class Python {
  private Python() {}

  public static Language language() {
    return new Language("python", List.of("py"), path -> List.of(Grammar.PYTHON), PythonLowering::new, Python::files);
  }

  private static List<String> files(Module from, String spec, Project project) {
    if (spec.isEmpty() || spec.startsWith("class:") || spec.startsWith("package:")) {
      return List.of();
    }
    String relative;
    String dir = Paths.dir(from.path());
    if (spec.startsWith(".")) {
      int dots = 0;
      while (dots < spec.length() && spec.charAt(dots) == '.') {
        dots++;
      }
      for (int i = 1; i < dots; i++) {
        dir = Paths.dir(dir);
      }
      relative = Paths.join(dir, spec.substring(dots).replace('.', '/'));
    } else {
      relative = spec.replace('.', '/');
    }
    if (relative == null || relative.isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<String>();
    String last = relative.substring(relative.lastIndexOf('/') + 1);
    for (String p : project.pathsNamed(last + ".py")) {
      if (p.equals(relative + ".py") || p.endsWith("/" + relative + ".py")) {
        out.add(p);
      }
    }
    for (String p : project.pathsNamed("__init__.py")) {
      if (p.equals(relative + "/__init__.py") || p.endsWith("/" + relative + "/__init__.py")) {
        out.add(p);
      }
    }
    return out;
  }
}
