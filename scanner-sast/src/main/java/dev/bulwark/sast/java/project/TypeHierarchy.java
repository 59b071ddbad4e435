package dev.bulwark.sast.java.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
 * implementation the project has. Each file's part ({@link #declarations}) is kept apart, so that
 * a file's analysis can depend on the declarations of every file rather than on its whole text.
 */
final class TypeHierarchy {
  private static final List<String> DECLARING = List.of("class", "interface", "enum", "record");
  private static final int MAX_SUBTYPES = 16;

  /** Type arguments (two levels of nesting) and parenthesised parts (a record's components) of a header. */
  private static final Pattern TYPE_ARGUMENTS = Pattern.compile("<[^<>]*(<[^<>]*>[^<>]*)*>");
  private static final Pattern PARENTHESISED = Pattern.compile("\\([^)]*\\)");

  private final Map<String, Set<String>> subtypes = new HashMap<>();

  private TypeHierarchy() {}

  /** The hierarchy of these files' {@link #declarations}. */
  static TypeHierarchy of(Collection<String> declarations) {
    var h = new TypeHierarchy();
    for (String lines : declarations) {
      for (String edge : lines.split("\n")) {
        int space = edge.indexOf(' ');
        if (space > 0) {
          h.subtypes.computeIfAbsent(edge.substring(space + 1), k -> new LinkedHashSet<>()).add(edge.substring(0, space));
        }
      }
    }
    return h;
  }

  /**
   * What a file's text tells the hierarchy, one "Sub Super" a line: each {@code class Sub ... extends
   * A implements B, C {} } gives "Sub A", "Sub B" and "Sub C". A change of the file that leaves
   * these alone (a method's body, a new class of its own) leaves the hierarchy alone.
   */
  static String declarations(String text) {
    var edges = new StringBuilder();
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
        declaration(text.substring(after, brace), edges);
      }
    }
    return edges.toString();
  }

  private static void declaration(String header, StringBuilder edges) {
    if (!header.contains("extends") && !header.contains("implements")) {
      return; // no supertype: most headers (and most mentions of "class" in comments) stop here
    }
    String plain = header.indexOf('<') < 0 ? header : TYPE_ARGUMENTS.matcher(header).replaceAll(" ");
    plain = plain.indexOf('(') < 0 ? plain : PARENTHESISED.matcher(plain).replaceAll(" ");
    String[] words = plain.replace(',', ' ').trim().split("\\s+");
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
          edges.append(name).append(' ').append(simple).append('\n');
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
