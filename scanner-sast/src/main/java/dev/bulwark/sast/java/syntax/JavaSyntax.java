package dev.bulwark.sast.java.syntax;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.lang.reflect.Field;

/**
 * The one place Java source is parsed, at the language level of the newest Java release JavaParser
 * knows (switch and record patterns, sealed types, text blocks, unnamed variables all parse). Code
 * older than Java 9 that uses {@code _} as an identifier fails there and is parsed again at Java 8.
 *
 * <p>The language level's validators only reject code (javac's job, not ours) and cost a walk of
 * the whole tree: they are left out. Its post-processors (which turn a type named {@code var} into
 * a {@code VarType}) walk the whole tree too, so they run only on a text that has the word
 * {@code var}: without it there is nothing to turn. Nor is the text's line separator detected (a
 * wrapper around every character read, for printing a tree back as its file was written, which
 * nothing here does). JavaParser instances are not thread-safe: each thread keeps its own.
 */
public final class JavaSyntax {
  /** The language level files are parsed at first. */
  public static final LanguageLevel LEVEL = LanguageLevel.JAVA_25;
  private static final ThreadLocal<Parser> CURRENT = ThreadLocal.withInitial(() -> parser(LEVEL));
  private static final ThreadLocal<Parser> LEGACY = ThreadLocal.withInitial(() -> parser(LanguageLevel.JAVA_8));

  /** A parser and the post-processors of its level (null: its processor, validation included, was kept). */
  private record Parser(JavaParser parser, PostProcessors post) {}

  private JavaSyntax() {}

  private static Parser parser(LanguageLevel level) {
    var config = new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false)
        .setDetectOriginalLineSeparator(false);
    PostProcessors post = postProcessors(level);
    if (post != null) {
      // The level's processor (post-processing, then validation) goes: parse() post-processes when needed.
      config.getProcessors().removeIf(p -> p.get().getClass().getName().equals(ParserConfiguration.class.getName() + "$2"));
    }
    return new Parser(new JavaParser(config), post);
  }

  /** Parses at the parser's level, post-processing the tree when the text has a {@code var} to shape. */
  private static ParseResult<CompilationUnit> parse(Parser parser, String text) {
    var result = parser.parser().parse(text);
    if (parser.post() != null && result.getResult().isPresent() && hasWordVar(text)) {
      parser.post().postProcess(result, parser.parser().getParserConfiguration());
    }
    return result;
  }

  /** Whether {@code var} occurs in the text as a whole word (in code, a comment or a string: never missed). */
  static boolean hasWordVar(String text) {
    for (int i = text.indexOf("var"); i >= 0; i = text.indexOf("var", i + 3)) {
      if ((i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
          && (i + 3 == text.length() || !Character.isJavaIdentifierPart(text.charAt(i + 3)))) {
        return true;
      }
    }
    return false;
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
    var result = parse(CURRENT.get(), text);
    if (!ok(result)) {
      var legacy = parse(LEGACY.get(), text);
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
