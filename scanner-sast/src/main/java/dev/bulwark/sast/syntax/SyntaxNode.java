package dev.bulwark.sast.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a parsed file, held in plain Java (the native tree is released after conversion):
 * its grammar type ({@code call_expression}), the field it fills in its parent ({@code function}),
 * whether it is named (anonymous nodes are punctuation and keywords), and its character range.
 */
public final class SyntaxNode {
  private static final SyntaxNode[] NONE = new SyntaxNode[0];

  private final SyntaxTree tree;
  private final String type;
  private final String field;
  private final boolean named;
  private final int start;
  private final int end;
  private final int line;
  private SyntaxNode parent;
  private SyntaxNode[] children = NONE;

  SyntaxNode(SyntaxTree tree, String type, String field, boolean named, int start, int end, int line) {
    this.tree = tree;
    this.type = type;
    this.field = field;
    this.named = named;
    this.start = start;
    this.end = end;
    this.line = line;
  }

  void setChildren(List<SyntaxNode> list) {
    children = list.isEmpty() ? NONE : list.toArray(NONE);
    for (SyntaxNode c : children) {
      c.parent = this;
    }
  }

  public String type() {
    return type;
  }

  /** The field this node fills in its parent, or null. */
  public String field() {
    return field;
  }

  public boolean named() {
    return named;
  }

  public boolean is(String t) {
    return type.equals(t);
  }

  public SyntaxNode parent() {
    return parent;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  /** 1-based line of the first character. */
  public int line() {
    return line;
  }

  /** 1-based line of the last character. */
  public int endLine() {
    return tree.lineOf(Math.max(start, end - 1));
  }

  public String text() {
    return tree.text().substring(start, end);
  }

  public int childCount() {
    return children.length;
  }

  public SyntaxNode child(int i) {
    return children[i];
  }

  /** All children, anonymous ones included. */
  public List<SyntaxNode> children() {
    return List.of(children);
  }

  /** The named children. */
  public List<SyntaxNode> namedChildren() {
    var out = new ArrayList<SyntaxNode>(children.length);
    for (SyntaxNode c : children) {
      if (c.named && !c.type.equals("comment")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first child filling this field, or null. */
  public SyntaxNode field(String name) {
    for (SyntaxNode c : children) {
      if (name.equals(c.field)) {
        return c;
      }
    }
    return null;
  }

  /** Every child filling this field. */
  public List<SyntaxNode> fields(String name) {
    var out = new ArrayList<SyntaxNode>(2);
    for (SyntaxNode c : children) {
      if (name.equals(c.field)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first named child of this type, or null. */
  public SyntaxNode childOfType(String t) {
    for (SyntaxNode c : children) {
      if (c.type.equals(t)) {
        return c;
      }
    }
    return null;
  }

  /** The first named child, or null. */
  public SyntaxNode firstNamed() {
    for (SyntaxNode c : children) {
      if (c.named && !c.type.equals("comment")) {
        return c;
      }
    }
    return null;
  }

  /** Whether an anonymous child (an operator or keyword) has exactly this text. */
  public boolean hasToken(String token) {
    for (SyntaxNode c : children) {
      if (!c.named && c.end - c.start == token.length() && tree.text().startsWith(token, c.start)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
