package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.bulwark.sast.java.syntax.JavaSyntax;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last files parsed, by path, for every thread: a file parsed as a callee is not parsed again
 * when it is analysed itself, nor the reverse, nor when another thread's file calls into it (on the
 * JDK's sources a quarter of the parsed text was parsed before). Trees are only read, never
 * changed: the one thing JavaParser computes lazily on a read, the printer behind a node's
 * {@code toString()}, is set while the tree is still the parsing thread's alone.
 */
final class ParsedTrees {
  private record Tree(String text, CompilationUnit cu) {}

  private final int kept;
  private final Map<String, Tree> trees;

  ParsedTrees(int kept) {
    this.kept = kept;
    this.trees = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The file's tree ({@link JavaSyntax#parse}: an {@link IllegalArgumentException} when it cannot be parsed). */
  CompilationUnit parse(String path, String text) {
    synchronized (trees) {
      var known = trees.get(path);
      if (known != null && known.text().equals(text)) {
        return known.cu();
      }
    }
    var cu = JavaSyntax.parse(text);
    // A node's first toString() stores the tree's printer in it: done now on a leaf (cheap), while
    // the tree is this thread's alone, so that later reads from any thread change nothing.
    cu.findFirst(Node.class, n -> n.getChildNodes().isEmpty()).orElse(cu).toString();
    synchronized (trees) {
      trees.put(path, new Tree(text, cu));
      for (var it = trees.values().iterator(); trees.size() > kept && it.hasNext(); ) {
        it.next();
        it.remove();
      }
    }
    return cu;
  }
}
