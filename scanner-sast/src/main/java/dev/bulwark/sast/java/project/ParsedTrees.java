package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.CompilationUnit;
import dev.bulwark.sast.java.syntax.JavaSyntax;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last files parsed on each thread, by path: a file parsed as a callee is not parsed again
 * when it is analysed itself on the same thread, nor the reverse (on the JDK's sources a quarter
 * of the parsed text was parsed before). Trees are only read, never changed, and never shared
 * between threads (JavaParser nodes compute some data lazily).
 */
final class ParsedTrees {
  private record Tree(String text, CompilationUnit cu) {}

  private final PerThread<Map<String, Tree>> trees;

  ParsedTrees(int kept) {
    trees = new PerThread<>(() -> new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Tree> eldest) {
        return size() > kept;
      }
    });
  }

  /** The file's tree ({@link JavaSyntax#parse}: an {@link IllegalArgumentException} when it cannot be parsed). */
  CompilationUnit parse(String path, String text) {
    var cache = trees.get();
    var known = cache.get(path);
    if (known != null && known.text().equals(text)) {
      return known.cu();
    }
    var cu = JavaSyntax.parse(text);
    cache.put(path, new Tree(text, cu));
    return cu;
  }
}
