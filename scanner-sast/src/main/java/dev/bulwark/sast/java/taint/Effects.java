package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sanitisers recognised by what the code does rather than by name (the families each effect clears
 * are in the catalogue): removing line breaks with {@code replace}/{@code replaceAll}, and keeping
 * only a file's name ({@code file.getName()}, {@code path.getFileName()}, {@code FilenameUtils.getName}).
 */
final class Effects {
  private static final Set<String> REPLACE = Set.of("replace", "replaceAll", "replaceFirst");

  private Effects() {}

  /** The call's value when it has a sanitising effect, else null. */
  static Val ofCall(Frame f, MethodCallExpr m, String name, Optional<Expression> scope, Val receiver, List<Val> args) {
    var catalog = f.file.catalog;
    if (REPLACE.contains(name) && args.size() == 2 && removesLineBreaks(args.get(0).constant())) {
      return receiver.sanitise(catalog.effect("line-breaks")).or(args.get(1));
    }
    boolean fileName = name.equals("getFileName") && args.isEmpty()
        || name.equals("getName") && args.isEmpty() && scope.map(s -> "File".equals(f.types.typeOf(s))).orElse(false)
        || name.equals("getName") && args.size() == 1
            && scope.map(s -> JavaTypes.lastSegment(s.toString()).equals("FilenameUtils")).orElse(false);
    if (fileName) {
      return (args.isEmpty() ? receiver : args.get(0)).sanitise(catalog.effect("file-name-only"));
    }
    return null;
  }

  /** Whether a replace pattern (literal or regex) matches a CR or an LF. */
  static boolean removesLineBreaks(Object pattern) {
    if (pattern instanceof Character c) {
      return c == '\r' || c == '\n';
    }
    return pattern instanceof String s
        && (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.contains("\\r") || s.contains("\\n") || s.contains("\\R"));
  }
}
