package dev.bulwark.sast.rules;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.taint.Expr;
import dev.bulwark.sast.taint.Function;
import dev.bulwark.sast.taint.Module;
import dev.bulwark.sast.taint.TaintEngine;
import java.util.List;
import java.util.Set;

/**
 * Finds the project function a call reaches: a function of the same file, a method of the same
 * class ({@code this.f}, {@code self.f}, {@code $this->f}), a name imported from a project file,
 * a function of an included file or of the same package, or a static method of a class whose file
 * follows the language's naming convention.
 */
final class ProjectResolver implements TaintEngine.Resolver {
  private static final Set<String> SELF = Set.of("this", "self", "$this", "static", "cls", "super", "parent");

  private final Language language;
  private final Modules modules;
  private final Project project;

  ProjectResolver(Language language, Modules modules, Project project) {
    this.language = language;
    this.modules = modules;
    this.project = project;
  }

  @Override
  public TaintEngine.Target resolve(Module from, Expr.Call call, List<String> path) {
    String last = strip(path.get(path.size() - 1));
    if (path.size() == 1) {
      var local = first(from, last);
      if (local != null) {
        return local;
      }
      String imported = from.imports().get(last);
      if (imported != null) {
        // "./db#query" (a relative module and its member) or "app.db.query" (a dotted one)
        int cut = imported.indexOf('#') >= 0 ? imported.indexOf('#') : imported.lastIndexOf('.');
        var t = cut <= 0 ? null : inFiles(from, imported.substring(0, cut), imported.substring(cut + 1));
        if (t != null) {
          return t;
        }
      }
      for (String include : from.includes()) {
        var t = inFiles(from, include, last);
        if (t != null) {
          return t;
        }
      }
      return inFiles(from, "package:", last);
    }
    if (path.size() == 2) {
      String head = strip(path.get(0));
      if (SELF.contains(head) || head.startsWith("@")) {
        return first(from, last);
      }
      String imported = from.imports().get(head);
      if (imported != null) {
        return inFiles(from, imported.replace('#', '/'), last);
      }
      if (!head.isEmpty() && Character.isUpperCase(head.charAt(0))) {
        var t = first(from, last);
        return t != null && t.function().owner().equals(head) ? t : inFiles(from, "class:" + head, last);
      }
    }
    return null;
  }

  private static String strip(String segment) {
    return segment.endsWith("()") ? segment.substring(0, segment.length() - 2) : segment;
  }

  private static TaintEngine.Target first(Module m, String name) {
    List<Function> fs = m.named(name);
    return fs.isEmpty() ? null : new TaintEngine.Target(m, fs.get(0));
  }

  private TaintEngine.Target inFiles(Module from, String spec, String name) {
    for (String file : language.linker().files(from, spec, project)) {
      if (file.equals(from.path())) {
        continue;
      }
      var m = modules.get(file, project);
      if (m.isPresent()) {
        var t = first(m.get(), name);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }
}
