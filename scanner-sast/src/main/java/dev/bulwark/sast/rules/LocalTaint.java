package dev.bulwark.sast.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simple function-local taint for scripting languages: a variable assigned from request data
 * (a source pattern) or from another tainted variable is tainted within the function of the
 * assignment (and the functions nested in it). Assignments are followed in order, twice.
 */
final class LocalTaint {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$]*");

  private final PatternPack pack;
  private final FunctionScopes scopes;
  /** Tainted variable → the function scopes it is tainted in. */
  private final Map<String, Set<FunctionScopes.Scope>> tainted = new HashMap<>();

  LocalTaint(PatternPack pack, String maskedCode) {
    this.pack = pack;
    this.scopes = new FunctionScopes(maskedCode, pack.masker().lineComment().equals("#"));
    for (int round = 0; round < 2; round++) {
      Matcher m = pack.assignment().matcher(maskedCode);
      while (m.find()) {
        if (isTainted(m.group("value"), m.start())) {
          Matcher names = IDENT.matcher(m.group("names"));
          while (names.find()) {
            tainted.computeIfAbsent(names.group(), k -> new HashSet<>()).add(scopes.at(m.start()));
          }
        }
      }
    }
  }

  /**
   * True when the code fragment at this offset reads request data directly or through a variable
   * tainted in an enclosing function.
   */
  boolean isTainted(String code, int offset) {
    for (Pattern source : pack.sources()) {
      if (source.matcher(code).find()) {
        return true;
      }
    }
    Matcher m = IDENT.matcher(code);
    while (m.find()) {
      boolean member = m.start() > 0 && code.charAt(m.start() - 1) == '.';
      var where = tainted.get(m.group());
      if (!member && where != null && where.stream().anyMatch(scope -> scope.contains(offset))) {
        return true;
      }
    }
    return false;
  }
}
