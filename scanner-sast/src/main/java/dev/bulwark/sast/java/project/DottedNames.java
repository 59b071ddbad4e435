package dev.bulwark.sast.java.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a text has {@code X.y}, found once per text: every '.' by the identifier that follows it.
 * Asking whether a file mentions a static field ({@code Owner.field}) was a scan of the whole text
 * per field asked (a twentieth of the CPU on the JDK's sources, big classes asked about dozens of
 * fields); now a lookup. The answer is {@link String#contains}'s exactly: {@code Owner.field} is
 * also found inside {@code MyOwner.fieldName}.
 */
final class DottedNames {
  private final String text;
  /** The identifier characters right after each '.', to the positions of those dots. */
  private final TreeMap<String, List<Integer>> dots = new TreeMap<>();

  DottedNames(String text) {
    this.text = text;
    for (int p = text.indexOf('.'); p >= 0; p = text.indexOf('.', p + 1)) {
      int end = p + 1;
      while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
        end++;
      }
      if (end > p + 1) {
        dots.computeIfAbsent(text.substring(p + 1, end), k -> new ArrayList<>(1)).add(p);
      }
    }
  }

  /** Whether the text contains {@code what} (as {@link String#contains}). */
  boolean contains(String what) {
    int dot = what.indexOf('.');
    String owner = dot < 0 ? "" : what.substring(0, dot);
    String member = dot < 0 ? "" : what.substring(dot + 1);
    if (member.isEmpty() || !identifierChars(owner) || !identifierChars(member)) {
      return text.contains(what);
    }
    for (Map.Entry<String, List<Integer>> e : dots.subMap(member, true, member + Character.MAX_VALUE, true).entrySet()) {
      if (!e.getKey().startsWith(member)) {
        continue;
      }
      for (int p : e.getValue()) {
        if (p >= owner.length() && text.startsWith(owner, p - owner.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean identifierChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
