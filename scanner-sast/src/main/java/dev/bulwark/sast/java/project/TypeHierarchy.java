package dev.bulwark.sast.java.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The project's own class hierarchy, by simple name: which classes extend or implement which. Read
 * from the text of every Java file of the tree (declarations only, no parsing) the first time a
 * call needs dispatch, so that {@code thing.doSomething(x)} on an interface reaches every
 * implementation the project has.
 */
final class TypeHierarchy {
  private static final List<String> DECLARING = List.of("class", "interface", "enum", "record");
  private static final int MAX_SUBTYPES = 16;

  private final Map<String, Set<String>> subtypes = new HashMap<>();

  private TypeHierarchy() {}

  /** The hierarchy declared by these Java files, read through {@code text}. */
  static TypeHierarchy of(List<String> javaPaths, Function<String, String> text) {
    var h = new TypeHierarchy();
    for (String path : javaPaths) {
      h.add(text.apply(path));
    }
    return h;
  }

  /** Each {@code class Name ... extends A implements B, C {} }: Name is below A, B and C. */
  private void add(String text) {
    for (String keyword : DECLARING) {
      for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length())) {
        int after = at + keyword.length();
        if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1))
            || after >= text.length() || !Character.isWhitespace(text.charAt(after))) {
          continue;
        }
        int brace = text.indexOf('{', after);
        int semi = text.indexOf(';', after);
        if (brace < 0 || semi >= 0 && semi < brace) {
          continue;
        }
        declaration(text.substring(after, brace));
      }
    }
  }

  private void declaration(String header) {
    String[] words = header.replaceAll("<[^<>]*(<[^<>]*>[^<>]*)*>", " ").replaceAll("\\([^)]*\\)", " ")
        .replace(',', ' ').trim().split("\\s+");
    if (words.length == 0 || words[0].isEmpty() || !Character.isJavaIdentifierStart(words[0].charAt(0))) {
      return;
    }
    String name = words[0];
    boolean supers = false;
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      if (w.equals("extends") || w.equals("implements")) {
        supers = true;
      } else if (w.equals("permits")) {
        supers = false;
      } else if (supers && !w.isEmpty()) {
        String simple = w.substring(w.lastIndexOf('.') + 1);
        if (!simple.isEmpty() && Character.isJavaIdentifierStart(simple.charAt(0))) {
          subtypes.computeIfAbsent(simple, k -> new LinkedHashSet<>()).add(name);
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
