package dev.bulwark.sast.lang;

import dev.bulwark.sast.syntax.SyntaxNode;
import dev.bulwark.sast.syntax.SyntaxTree;
import dev.bulwark.sast.taint.Expr;
import dev.bulwark.sast.taint.Function;
import dev.bulwark.sast.taint.Module;
import dev.bulwark.sast.taint.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one language's syntax tree into the taint engine's {@link Module}: what is a function,
 * a statement, an assignment, a call, a string being built. A subclass maps its grammar's node
 * types; what it does not map is kept as a {@link Expr.Compose} of its parts, so data still
 * flows through constructs nobody modelled.
 */
public abstract class Lowering {
  protected final String path;
  protected final SyntaxTree tree;
  protected final Map<String, String> imports = new HashMap<>();
  protected final List<String> includes = new ArrayList<>();
  protected final List<Function> functions = new ArrayList<>();
  private final EntryPoints entryPoints;
  /** How many function bodies the lowering is inside (0: the module's top level). */
  protected int depth;

  protected Lowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    this.path = path;
    this.tree = tree;
    this.entryPoints = entryPoints;
  }

  public Module lower() {
    var top = new ArrayList<Stmt>();
    statements(tree.root(), top, false);
    var module = new Function("<module>", "", List.of(), top, List.of(), 1, false);
    return new Module(path, tree.text(), module, List.copyOf(functions), Map.copyOf(imports), List.copyOf(includes));
  }

  /** Lowers every statement below this node into {@code out}. */
  protected void statements(SyntaxNode node, List<Stmt> out, boolean conditional) {
    if (node == null) {
      return;
    }
    for (SyntaxNode c : node.namedChildren()) {
      if (!c.is("ERROR")) {
        statement(c, out, conditional);
      }
    }
  }

  /** Lowers one statement (a declaration, an expression statement, a block, a branch). */
  protected abstract void statement(SyntaxNode n, List<Stmt> out, boolean conditional);

  /** Lowers one expression. */
  protected abstract Expr expr(SyntaxNode n);

  /** Runs {@code inner} one function body deeper. */
  protected <T> T nested(Supplier<T> inner) {
    depth++;
    try {
      return inner.get();
    } finally {
      depth--;
    }
  }

  /**
   * A function's body, lowered one level deeper: the statements of {@code b} when it is a block of
   * {@code blockType}, else {@code b} as an expression body (an arrow function's, a lambda's)
   * returned; empty without a body.
   */
  protected List<Stmt> functionBody(SyntaxNode b, String blockType) {
    return nested(() -> {
      var body = new ArrayList<Stmt>();
      if (b != null && b.is(blockType)) {
        statements(b, body, false);
      } else if (b != null) {
        body.add(new Stmt.Return(expr(b), false, b.line()));
      }
      return body;
    });
  }

  /** The statements below {@code b}, lowered one function body deeper. */
  protected List<Stmt> blockBody(SyntaxNode b) {
    return nested(() -> {
      var body = new ArrayList<Stmt>();
      statements(b, body, false);
      return body;
    });
  }

  /**
   * A statement no case of the language took: a branch of {@code branches} (its parts conditional),
   * another compound statement ({@code *_statement}, {@code *_clause}: its parts in turn), or an
   * expression evaluated for its effects ({@link #run}).
   */
  protected void otherStatement(SyntaxNode n, List<Stmt> out, boolean conditional, Set<String> branches) {
    if (branches.contains(n.type())) {
      statements(n, out, true); // conditions become Run statements, bodies are conditional
    } else if (n.type().endsWith("_statement") || n.type().endsWith("_clause")) {
      statements(n, out, conditional);
    } else {
      run(n, out, conditional);
    }
  }

  /** An expression evaluated for its effects (a call that may be a sink). */
  protected void run(SyntaxNode n, List<Stmt> out, boolean conditional) {
    out.add(new Stmt.Run(expr(n), conditional, n.line()));
  }

  /** Registers a function (top-level, method or nested) after applying the framework's entry-point model. */
  protected Function define(Function f) {
    Function g = entryPoints.apply(f);
    functions.add(g);
    return g;
  }

  /** A lambda value: its entry-point model applied too (minimal APIs pass handlers as lambdas). */
  protected Function lambda(Function f) {
    return entryPoints.apply(f);
  }

  // ---- helpers shared by the languages ----------------------------------------------------

  protected Expr name(SyntaxNode n) {
    return new Expr.Name(n.text(), n.line());
  }

  protected Expr literal(SyntaxNode n, String value) {
    return new Expr.Literal(value, n.line());
  }

  /** Every named child, lowered and composed (data flows through an unmodelled construct). */
  protected Expr compose(SyntaxNode n, boolean string) {
    var parts = new ArrayList<Expr>();
    for (SyntaxNode c : n.namedChildren()) {
      if (!c.is("ERROR")) {
        parts.add(expr(c));
      }
    }
    return parts.size() == 1 && !string ? parts.get(0) : new Expr.Compose(parts, string, n.line());
  }

  protected Expr compose(int line, boolean string, Expr... parts) {
    return new Expr.Compose(List.of(parts), string, line);
  }

  protected Expr exprOrNull(SyntaxNode n) {
    return n == null ? null : expr(n);
  }

  /** The text of a string literal without its quotes (for import paths and dictionary keys). */
  protected static String unquote(String s) {
    String t = s.strip();
    while (t.length() >= 2 && "\"'`".indexOf(t.charAt(0)) >= 0 && t.charAt(t.length() - 1) == t.charAt(0)) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }

  protected static String text(SyntaxNode n) {
    return n == null ? "" : n.text();
  }

  protected static List<String> decorations(List<SyntaxNode> nodes) {
    var out = new ArrayList<String>(nodes.size());
    for (SyntaxNode d : nodes) {
      String t = d.text();
      out.add(t.length() > 300 ? t.substring(0, 300) : t);
    }
    return out;
  }

  /** Argument text for rules that look at the shape of a call, capped so that huge literals cost nothing. */
  protected static String argsText(SyntaxNode args) {
    if (args == null) {
      return "";
    }
    String t = args.text();
    return t.length() > 2000 ? t.substring(0, 2000) : t;
  }
}
