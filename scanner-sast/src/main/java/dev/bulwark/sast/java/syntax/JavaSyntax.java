package dev.bulwark.sast.java.syntax;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;

/**
 * The one place Java source is parsed, at the language level of the newest Java release JavaParser
 * knows (switch and record patterns, sealed types, text blocks, unnamed variables all parse). Code
 * older than Java 9 that uses {@code _} or {@code enum}-era names as identifiers fails there and is
 * parsed again at Java 8. JavaParser instances are not thread-safe: each thread keeps its own.
 */
public final class JavaSyntax {
  /** The language level files are parsed at first. */
  public static final LanguageLevel LEVEL = LanguageLevel.JAVA_25;
  private static final ThreadLocal<JavaParser> CURRENT = ThreadLocal.withInitial(() -> parser(LEVEL));
  private static final ThreadLocal<JavaParser> LEGACY = ThreadLocal.withInitial(() -> parser(LanguageLevel.JAVA_8));

  private JavaSyntax() {}

  private static JavaParser parser(LanguageLevel level) {
    return new JavaParser(new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false)
);
  }

  /** The syntax tree of a Java file; an {@link IllegalArgumentException} naming the first problem otherwise. */
  public static CompilationUnit parse(String text) {
    var result = CURRENT.get().parse(text);
    if (!ok(result)) {
      var legacy = LEGACY.get().parse(text);
      if (ok(legacy)) {
        return legacy.getResult().get();
      }
      String why = result.getProblems().isEmpty() ? "unknown error" : result.getProblem(0).getVerboseMessage();
      throw new IllegalArgumentException("cannot parse Java: " + why.lines().findFirst().orElse(why));
    }
    return result.getResult().get();
  }

  private static boolean ok(ParseResult<CompilationUnit> result) {
    return result.isSuccessful() && result.getResult().isPresent();
  }
}
