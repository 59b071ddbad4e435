package dev.bulwark.sast.java.project;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.bulwark.sast.java.syntax.JavaSyntax;
import dev.bulwark.sast.java.syntax.Nodes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last files parsed, by path, for every thread: a file parsed as a callee is not parsed again
 * when it is analysed itself, nor the reverse, nor when another thread's file calls into it. Kept
 * by the length of their texts, most recently used first: on the JDK's sources the callees most
 * called (String, Arrays, Collections, InputStream...) were parsed up to seven times each when
 * the last 32 trees were kept, a quarter of all the text parsed.
 *
 * <p>A tree is kept without its tokens: JavaParser links every node to its first and last token
 * and every token to the next, three quarters of a tree's memory, which nothing here reads (a
 * node's position stays). Trees are only read, never changed: the one thing JavaParser computes
 * lazily on a read, the printer behind a node's {@code toString()}, is set while the tree is still
 * the parsing thread's alone.
 */
final class ParsedTrees {
  private record Tree(String text, CompilationUnit cu) {}

  private final long charsKept;
  private final Map<String, Tree> trees;
  private long chars;

  /** Keeps trees while their texts add up to at most {@code charsKept} characters. */
  ParsedTrees(long charsKept) {
    this.charsKept = charsKept;
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
    withoutTokens(cu);
    // A node's first toString() stores the tree's printer in it: done now on a leaf (cheap), while
    // the tree is this thread's alone, so that later reads from any thread change nothing.
    cu.findFirst(Node.class, n -> n.getChildNodes().isEmpty()).orElse(cu).toString();
    synchronized (trees) {
      var replaced = trees.put(path, new Tree(text, cu));
      chars += text.length() - (replaced == null ? 0 : replaced.text().length());
      for (var it = trees.values().iterator(); chars > charsKept && it.hasNext(); ) {
        chars -= it.next().text().length();
        it.remove();
      }
    }
    return cu;
  }

  /** How many characters of text the kept trees were parsed from. */
  long chars() {
    synchronized (trees) {
      return chars;
    }
  }

  /** Drops the nodes' links to their tokens, keeping their positions. */
  static void withoutTokens(Node root) {
    Nodes.walk(root, n -> {
      var range = n.getRange().orElse(null);
      n.setTokenRange(null);
      n.setRange(range);
    });
  }
}
