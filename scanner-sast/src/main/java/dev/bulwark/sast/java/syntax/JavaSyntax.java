package dev.bulwark.sast.java.syntax;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;

/**
 * The one place Java source is parsed. JavaParser instances are not thread-safe: each thread
 * keeps its own.
 */
public final class JavaSyntax {
  private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
      new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
          .setAttributeComments(false)));

  private JavaSyntax() {}

  /** The syntax tree of a Java file; an {@link IllegalArgumentException} naming the first problem otherwise. */
  public static CompilationUnit parse(String text) {
    var result = PARSER.get().parse(text);
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      String why = result.getProblems().isEmpty() ? "unknown error" : result.getProblem(0).getVerboseMessage();
      throw new IllegalArgumentException("cannot parse Java: " + why.lines().findFirst().orElse(why));
    }
    return result.getResult().get();
  }
}
