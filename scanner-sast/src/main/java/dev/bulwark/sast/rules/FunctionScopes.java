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
  private final int length;

  FunctionScopes(String code, boolean indentation) {
    this.length = code.length();
    if (indentation) {
      indentScopes(code);
    } else {
      braceScopes(code);
    }
  }

  /** The innermost function containing the offset, or the whole file. */
  Scope at(int offset) {
    Scope best = new Scope(0, length + 1);
    for (Scope s : scopes) {
      if (s.contains(offset) && s.end() - s.start() < best.end() - best.start()) {
        best = s;
      }
    }
    return best;
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
