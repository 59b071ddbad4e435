package dev.bulwark.sast.java.project;

import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of a file's methods of a given name, found in its text without parsing (braces
 * matched, strings, characters and comments skipped): enough to tell whether a method could
 * return untrusted data before paying for parsing its file.
 */
final class MethodText {
  /** Keywords followed by a parenthesis and a block that are not declarations. */
  private static final java.util.Set<String> STATEMENTS = java.util.Set.of("if", "for", "while", "switch", "catch",
      "synchronized", "try", "return", "throw", "new", "else", "do", "case");

  private MethodText() {}

  static List<String> bodies(String text, String method) {
    return index(text).getOrDefault(method, List.of());
  }

  /** Every method declaration with a body in the text, by name: each '(' after an identifier is looked at once. */
  static java.util.Map<String, List<String>> index(String text) {
    var index = new java.util.HashMap<String, List<String>>();
    for (int paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
      int end = paren;
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
        start--;
      }
      if (start == end || !Character.isJavaIdentifierStart(text.charAt(start))
          || STATEMENTS.contains(text.substring(start, end))) {
        continue;
      }
      int open = declarationBody(text, paren);
      if (open >= 0) {
        int close = matching(text, open);
        index.computeIfAbsent(text.substring(start, end), k -> new ArrayList<>())
            .add(text.substring(open, close < 0 ? text.length() : close + 1));
      }
    }
    return index;
  }

  /** After {@code name(}: the index of the body's '{' when this is a declaration with a body, else -1. */
  private static int declarationBody(String text, int paren) {
    int close = matchingParen(text, paren);
    if (close < 0) {
      return -1;
    }
    for (int i = close + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return i;
      }
      if (c == ';' || c == '=' || c == ')' || c == '.' || c == '+' || c == ',' || c == '}') {
        return -1;
      }
    }
    return -1;
  }

  private static int matchingParen(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      } else if (c == '{' || c == ';') {
        return -1;
      }
    }
    return -1;
  }

  /** The index of the '}' closing the '{' at {@code open}, skipping literals and comments; -1 if none. */
  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipQuoted(text, i, c);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        i = text.indexOf('\n', i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        i = text.indexOf("*/", i + 2);
        if (i < 0) {
          return -1;
        }
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int skipQuoted(String text, int start, char quote) {
    if (quote == '"' && text.startsWith("\"\"\"", start)) {
      int end = text.indexOf("\"\"\"", start + 3);
      return end < 0 ? text.length() : end + 2;
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length();
  }
}
