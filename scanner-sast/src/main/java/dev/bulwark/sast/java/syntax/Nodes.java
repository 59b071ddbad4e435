package dev.bulwark.sast.java.syntax;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks of a syntax tree in JavaParser's pre-order ({@link Node#walk}, {@link Node#findAll}: a node,
 * then its children's subtrees in order), without JavaParser's iterator, which pushes every node
 * on a synchronized {@link java.util.Stack}: the analyses walk each tree several times and those
 * walks were a tenth of the CPU on the JDK's sources. A stack of its own, not recursion: a long
 * string concatenation is a tree thousands of levels deep.
 */
public final class Nodes {
  private Nodes() {}

  /** Every node of the tree under {@code root}, {@code root} first. */
  public static void walk(Node root, Consumer<Node> visit) {
    var stack = new ArrayList<Node>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node next = stack.remove(stack.size() - 1);
      visit.accept(next);
      List<Node> children = next.getChildNodes();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.add(children.get(i));
      }
    }
  }

  /** The nodes of a type under {@code root} ({@code root} included), in pre-order. */
  public static <T extends Node> void walk(Node root, Class<T> type, Consumer<T> visit) {
    walk(root, n -> {
      if (type.isInstance(n)) {
        visit.accept(type.cast(n));
      }
    });
  }

  /** The nodes of a type under {@code root} ({@code root} included), in pre-order. */
  public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
    var found = new ArrayList<T>();
    walk(root, type, found::add);
    return found;
  }
}
