package dev.bulwark.sast.syntax;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Parses text with tree-sitter and converts the tree into {@link SyntaxNode}s in one pass.
 *
 * <p>Native resources: a {@code TSParser} is not thread-safe, so each thread keeps its own (one
 * per grammar); the native tree is only read inside {@link #parse} and then dropped, and the
 * binding frees it (and cursors) through a {@link java.lang.ref.Cleaner}. The text goes in as
 * UTF-16, so node offsets are Java character offsets. A parse that exceeds the time limit, or
 * a tree nested deeper than {@link #MAX_DEPTH}, is reported, never fatal; a native library that
 * cannot load is a {@link GrammarUnavailable}. The binding's
 * {@code parseString} is not used: it dereferences the null tree of a timed-out parse.
 */
public final class TreeParser {
  /** Deeper nesting is cut off (and reported): analyses recurse over the tree. */
  public static final int MAX_DEPTH = 400;
  public static final long DEFAULT_TIMEOUT_MICROS = 10_000_000;

  private static final ThreadLocal<Map<Grammar, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(Grammar.class));
  private static final VarHandle START = field("context0");
  private static final VarHandle ROW = field("context1");

  private TreeParser() {}

  /** The result of a parse: a tree (possibly with recovered errors) or why there is none. */
  public sealed interface Result {
    record Parsed(SyntaxTree tree) implements Result {}

    record Unparsable(String reason) implements Result {}
  }

  public static Result parse(Grammar grammar, String text) {
    return parse(grammar, text, DEFAULT_TIMEOUT_MICROS);
  }

  public static Result parse(Grammar grammar, String text, long timeoutMicros) {
    Grammar.Tables tables;
    TSParser parser;
    try {
      tables = grammar.tables();
      parser = PARSERS.get().computeIfAbsent(grammar, g -> {
        var p = new TSParser();
        if (!p.setLanguage(tables.language)) {
          throw new IllegalStateException("ABI version " + tables.language.abiVersion() + " not supported");
        }
        return p;
      });
    } catch (LinkageError | RuntimeException e) {
      throw new GrammarUnavailable(grammar, e);
    }
    parser.setTimeoutMicros(timeoutMicros);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
    TSTree tree = parser.parse(new byte[Math.min(64 * 1024, Math.max(16, bytes.length))], null, (buf, offset, point) -> {
      if (offset >= bytes.length) {
        return 0;
      }
      int n = Math.min(buf.length, bytes.length - offset);
      System.arraycopy(bytes, offset, buf, 0, n);
      return n;
    }, TSInputEncoding.TSInputEncodingUTF16LE);
    if (tree == null) {
      parser.reset();
      return new Result.Unparsable("parse gave up after " + timeoutMicros / 1000 + " ms");
    }
    return new Result.Parsed(convert(tree, tables, new SyntaxTree(text, grammar)));
  }

  /** Walks the native tree once with a cursor (cheap moves) and copies what analyses read. */
  private static SyntaxTree convert(TSTree native_, Grammar.Tables tables, SyntaxTree tree) {
    TSNode rootNode = native_.getRootNode();
    boolean hasError = rootNode.hasError();
    var cursor = new TSTreeCursor(rootNode);
    var errors = new ArrayList<Integer>();
    var open = new ArrayDeque<SyntaxNode>();
    var kids = new ArrayDeque<List<SyntaxNode>>();
    boolean truncated = false;
    SyntaxNode root = null;
    while (true) {
      TSNode n = cursor.currentNode();
      int symbol = n.getSymbol();
      int start = start(n) / 2;
      int end = n.getEndByte() / 2;
      String type = tables.type(symbol);
      var node = new SyntaxNode(tree, type, tables.field(cursor.currentFieldId()), tables.named(symbol), start, end,
          row(n) + 1);
      if (hasError && type.equals("ERROR")) {
        errors.add(node.line());
      }
      if (root == null) {
        root = node;
      } else {
        kids.peek().add(node);
      }
      if (open.size() < MAX_DEPTH && cursor.gotoFirstChild()) {
        open.push(node);
        kids.push(new ArrayList<>(4));
        continue;
      }
      if (open.size() >= MAX_DEPTH && cursor.gotoFirstChild()) {
        cursor.gotoParent(); // children below the limit are left out
        truncated = true;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          tree.finish(root, errors, truncated);
          return tree;
        }
        open.pop().setChildren(kids.pop());
      }
    }
  }

  private static int start(TSNode n) {
    return START == null ? n.getStartByte() : (int) START.get(n);
  }

  private static int row(TSNode n) {
    return ROW == null ? n.getStartPoint().getRow() : (int) ROW.get(n);
  }

  /**
   * tree-sitter's {@code TSNode} carries its start byte and row in {@code context[0..1]}; the
   * binding mirrors them as private fields. Reading them directly saves two JNI calls per node
   * (each does class and field look-ups); when the fields are missing the public getters are used.
   */
  private static VarHandle field(String name) {
    try {
      return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup()).findVarHandle(TSNode.class, name,
          int.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
