package dev.bulwark.sast.rules;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simple taint for scripting languages: a variable assigned from request data (a source
 * pattern) or from another tainted variable is tainted. Assignments are followed in order,
 * twice, over the masked code of the file.
 */
final class LocalTaint {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$]*");

  private final PatternPack pack;
  private final Set<String> tainted = new HashSet<>();

  LocalTaint(PatternPack pack, String maskedCode) {
    this.pack = pack;
    for (int round = 0; round < 2; round++) {
      Matcher m = pack.assignment().matcher(maskedCode);
      while (m.find()) {
        if (isTainted(m.group("value"))) {
          Matcher names = IDENT.matcher(m.group("names"));
          while (names.find()) {
            tainted.add(names.group());
          }
        }
      }
    }
  }

  /** True when the code fragment reads request data directly or through a tainted variable. */
  boolean isTainted(String code) {
    for (Pattern source : pack.sources()) {
      if (source.matcher(code).find()) {
        return true;
      }
    }
    Matcher m = IDENT.matcher(code);
    while (m.find()) {
      boolean member = m.start() > 0 && code.charAt(m.start() - 1) == '.';
      if (!member && tainted.contains(m.group())) {
        return true;
      }
    }
    return false;
  }
}
