package dev.bulwark.sast.syntax;

import java.util.Arrays;
import java.util.List;

/**
 * A parsed file: the root node, the text it was parsed from, and where the parser had to
 * recover from syntax errors (tree-sitter always returns a tree; unparsable stretches become
 * {@code ERROR} nodes, which analyses skip).
 */
public final class SyntaxTree {
  private final String text;
  private final Grammar grammar;
  private final int[] lineStarts;
  private SyntaxNode root;
  private List<Integer> errorLines = List.of();
  private boolean truncated;

  SyntaxTree(String text, Grammar grammar) {
    this.text = text;
    this.grammar = grammar;
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    lineStarts = new int[lines];
    int l = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts[l++] = i + 1;
      }
    }
  }

  void finish(SyntaxNode root, List<Integer> errorLines, boolean truncated) {
    this.root = root;
    this.errorLines = List.copyOf(errorLines);
    this.truncated = truncated;
  }

  public SyntaxNode root() {
    return root;
  }

  public String text() {
    return text;
  }

  public Grammar grammar() {
    return grammar;
  }

  /** First lines of the stretches the parser could not read (empty for a clean parse). */
  public List<Integer> errorLines() {
    return errorLines;
  }

  /** True when nesting deeper than {@link TreeParser#MAX_DEPTH} was cut off. */
  public boolean truncated() {
    return truncated;
  }

  /** 1-based line of a character offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
