package dev.bulwark.sast.java.syntax;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.lang.reflect.Field;

/**
 * The one place Java source is parsed, at the language level of the newest Java release JavaParser
 * knows (switch and record patterns, sealed types, text blocks, unnamed variables all parse). Code
 * older than Java 9 that uses {@code _} as an identifier fails there and is parsed again at Java 8.
 *
 * <p>The language level's validators only reject code (javac's job, not ours) and cost a walk of
 * the whole tree: they are left out, the level's post-processors (which shape {@code var} and the
 * like) are kept. JavaParser instances are not thread-safe: each thread keeps its own.
 */
public final class JavaSyntax {
  /** The language level files are parsed at first. */
  public static final LanguageLevel LEVEL = LanguageLevel.JAVA_25;
  private static final ThreadLocal<JavaParser> CURRENT = ThreadLocal.withInitial(() -> parser(LEVEL));
  private static final ThreadLocal<JavaParser> LEGACY = ThreadLocal.withInitial(() -> parser(LanguageLevel.JAVA_8));

  private JavaSyntax() {}

  private static JavaParser parser(LanguageLevel level) {
    var config = new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false);
    PostProcessors post = postProcessors(level);
    if (post != null) {
      // Replace the level's processor (post-processing, then validation) with post-processing alone.
      config.getProcessors().removeIf(p -> p.get().getClass().getName().equals(ParserConfiguration.class.getName() + "$2"));
      config.getProcessors().add(() -> new Processor() {
        @Override
        public void postProcess(ParseResult<? extends com.github.javaparser.ast.Node> result, ParserConfiguration c) {
          post.postProcess(result, c);
        }
      });
    }
    return new JavaParser(config);
  }

  /** The level's post-processors (package-private in JavaParser), or null to keep its processor as it is. */
  private static PostProcessors postProcessors(LanguageLevel level) {
    try {
      Field f = LanguageLevel.class.getDeclaredField("postProcessor");
      f.setAccessible(true);
      return (PostProcessors) f.get(level);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The syntax tree of a Java file; an {@link IllegalArgumentException} naming the first problem otherwise. */
  private static final java.util.concurrent.atomic.AtomicLong FILES = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.concurrent.atomic.AtomicLong CHARS = new java.util.concurrent.atomic.AtomicLong();

  static {
    if (Boolean.getBoolean("bulwark.sast.parse-stats")) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(parsed())));
    }
  }

  /** How many files and characters this process parsed (for benchmarks: -Dbulwark.sast.parse-stats=true). */
  public static String parsed() {
    return "parsed-files=" + FILES.get() + " parsed-chars=" + CHARS.get();
  }

  public static CompilationUnit parse(String text) {
    FILES.incrementAndGet();
    CHARS.addAndGet(text.length());
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
