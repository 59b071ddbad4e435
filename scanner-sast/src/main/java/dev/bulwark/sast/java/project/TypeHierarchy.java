package dev.bulwark.sast.java.project;

import dev.bulwark.sast.core.Project;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's own class hierarchy, by simple name: which classes extend or implement which. Read
 * from the text of every Java file of the tree (declarations only, no parsing) the first time a
 * call needs dispatch, so that {@code thing.doSomething(x)} on an interface reaches every
 * implementation the project has.
 */
final class TypeHierarchy {
  private static final Pattern DECLARATION = Pattern.compile(
      "\\b(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)([^{;]*)\\{");
  private static final Pattern SUPERTYPES = Pattern.compile("\\b(?:extends|implements)\\s+([^{]*?)(?=\\bimplements\\b|\\bpermits\\b|$)");
  private static final int MAX_SUBTYPES = 16;

  private final Map<String, Set<String>> subtypes = new HashMap<>();

  private TypeHierarchy() {}

  static TypeHierarchy of(Project project, java.util.function.Function<String, String> text) {
    var h = new TypeHierarchy();
    for (String path : project.paths()) {
      if (path.endsWith(".java")) {
        h.add(text.apply(path));
      }
    }
    return h;
  }

  private void add(String text) {
    var m = DECLARATION.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      String header = m.group(2).replaceAll("<[^<>]*(<[^<>]*>[^<>]*)*>", "");
      var s = SUPERTYPES.matcher(header);
      while (s.find()) {
        for (String t : s.group(1).split(",")) {
          String simple = t.strip();
          simple = simple.substring(simple.lastIndexOf('.') + 1).replaceAll("\\W.*", "");
          if (!simple.isEmpty()) {
            subtypes.computeIfAbsent(simple, k -> new LinkedHashSet<>()).add(name);
          }
        }
      }
    }
  }

  /** Every class of the project below {@code type} (transitively), a bounded number of them. */
  List<String> below(String type) {
    var found = new LinkedHashSet<String>();
    var queue = new ArrayDeque<String>(List.of(type));
    while (!queue.isEmpty() && found.size() <= MAX_SUBTYPES) {
      for (String sub : subtypes.getOrDefault(queue.poll(), Set.of())) {
        if (found.add(sub)) {
          queue.add(sub);
        }
      }
    }
    return new ArrayList<>(found);
  }
}
