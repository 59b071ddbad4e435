package dev.bulwark.sast.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions of a file as character ranges of its masked code, so that taint stays local to
 * the function it was assigned in (and the functions nested in it). Python functions end where
 * the indentation returns to the {@code def}'s level; brace languages end at the matching brace.
 */
final class FunctionScopes {
  private static final Pattern PY_DEF = Pattern.compile("(?m)^([ \\t]*)(?:async[ \\t]+)?def\\s");
  private static final Pattern BRACE_FUNCTION = Pattern.compile("\\bfunction\\b|\\bfunc\\b|=>");

  /** A function body: [start, end) of the masked code. */
  record Scope(int start, int end) {
    boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  private final List<Scope> scopes = new ArrayList<>();
  private final Scope whole;

  FunctionScopes(String code, boolean indentation) {
    this.whole = new Scope(0, code.length() + 1);
    if (indentation) {
      indentScopes(code);
    } else {
      braceScopes(code);
    }
    scopes.sort(java.util.Comparator.comparingInt(Scope::start));
  }

  /**
   * The innermost function containing the offset, or the whole file. Scopes nest, so it is the
   * containing scope that starts last: walk back from the last scope starting at or before it.
   */
  Scope at(int offset) {
    int lo = 0;
    int hi = scopes.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (scopes.get(mid).start() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = hi; i >= 0; i--) {
      if (scopes.get(i).contains(offset)) {
        return scopes.get(i);
      }
    }
    return whole;
  }

  private void indentScopes(String code) {
    Matcher m = PY_DEF.matcher(code);
    while (m.find()) {
      int width = m.group(1).length();
      int lineEnd = code.indexOf('\n', m.start());
      int end = code.length();
      int pos = lineEnd < 0 ? code.length() : lineEnd + 1;
      while (pos < code.length()) {
        int next = code.indexOf('\n', pos);
        next = next < 0 ? code.length() : next;
        String line = code.substring(pos, next);
        int indent = line.length() - line.stripLeading().length();
        if (!line.isBlank() && indent <= width && !line.stripLeading().startsWith(")")) {
          end = pos;
          break;
        }
        pos = next + 1;
      }
      scopes.add(new Scope(m.start(), end));
    }
  }

  private void braceScopes(String code) {
    Matcher m = BRACE_FUNCTION.matcher(code);
    while (m.find()) {
      int open = code.indexOf('{', m.end());
      if (open < 0) {
        continue;
      }
      if (m.group().equals("=>") && !code.substring(m.end(), open).isBlank()) {
        int eol = code.indexOf('\n', m.end()); // expression-bodied arrow function
        scopes.add(new Scope(m.start(), eol < 0 ? code.length() : eol));
        continue;
      }
      int close = PatternAnalyzer.closingParen(code, open);
      scopes.add(new Scope(m.start(), Math.min(code.length(), close + 1)));
    }
  }
}
