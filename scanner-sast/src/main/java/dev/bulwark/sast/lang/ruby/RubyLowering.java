package dev.bulwark.sast.lang.ruby;

import dev.bulwark.sast.lang.EntryPoints;
import dev.bulwark.sast.lang.Lowering;
import dev.bulwark.sast.lang.Paths;
import dev.bulwark.sast.syntax.SyntaxNode;
import dev.bulwark.sast.syntax.SyntaxTree;
import dev.bulwark.sast.taint.Expr;
import dev.bulwark.sast.taint.Function;
import dev.bulwark.sast.taint.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ruby (tree-sitter-ruby). A method's last expression is its return value; {@code key: value}
 * arguments are keyword arguments; backticks and {@code %x()} are calls of {@code `}; a block is
 * a lambda argument; {@code A::B} is a member access.
 */
public final class RubyLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if", "unless", "while", "until", "for", "case", "when", "else",
      "elsif", "then", "begin", "rescue", "ensure", "if_modifier", "unless_modifier", "while_modifier",
      "until_modifier", "rescue_modifier", "case_match", "in_clause", "do");
  private static final Set<String> CLEAN_OPERATORS = Set.of("-", "*", "/", "%", "**", "<", ">", "<=", ">=", "==",
      "===", "!=", "<=>", "=~", "!~", "&", "|", "^", ">>");


  public RubyLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "assignment", "operator_assignment" -> {
        SyntaxNode left = n.field("left");
        Expr value = expr(n.field("right"));
        if (n.is("operator_assignment")) {
          value = compose(n.line(), true, expr(left), value);
        }
        if (left != null && left.is("left_assignment_list")) {
          for (SyntaxNode t : left.namedChildren()) {
            out.add(new Stmt.Assign(expr(t), new Expr.Index(value, literal(t, "[]"), t.line()), conditional, n.line()));
          }
        } else if (left != null) {
          out.add(new Stmt.Assign(expr(left), value, conditional, n.line()));
        }
      }
      case "return" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : compose(v, false), conditional, n.line()));
      }
      case "method", "singleton_method" -> define(method(n, "", List.of()));
      case "class", "module" -> klass(n);
      case "call" -> {
        requireRelative(n);
        out.add(new Stmt.Run(expr(n), conditional, n.line()));
      }
      case "body_statement", "program", "block_body", "parenthesized_statements" -> statements(n, out, conditional);
      case "comment", "empty_statement", "next", "break", "redo", "retry", "alias", "undef" -> { }
      default -> {
        if (BRANCHES.contains(n.type())) {
          statements(n, out, true);
        } else {
          out.add(new Stmt.Run(expr(n), conditional, n.line()));
        }
      }
    }
  }

  private void requireRelative(SyntaxNode n) {
    String m = text(n.field("method"));
    if (n.field("receiver") == null && (m.equals("require_relative") || m.equals("load"))) {
      SyntaxNode args = n.field("arguments");
      SyntaxNode first = args == null ? null : args.firstNamed();
      if (first != null && first.is("string") && first.childOfType("interpolation") == null) {
        String file = unquote(first.text());
        String joined = Paths.join(Paths.dir(path), file.endsWith(".rb") ? file : file + ".rb");
        if (joined != null) {
          includes.add(joined);
        }
      }
    }
  }

  private void klass(SyntaxNode n) {
    String owner = text(n.field("name"));
    var marks = new ArrayList<String>();
    if (n.field("superclass") != null) {
      marks.add("class:" + n.field("superclass").text());
    }
    SyntaxNode body = n.field("body");
    if (body == null) {
      return;
    }
    for (SyntaxNode m : body.namedChildren()) {
      if (m.is("method") || m.is("singleton_method")) {
        define(method(m, owner, marks));
      } else if (m.is("class") || m.is("module")) {
        klass(m);
      }
    }
  }

  private Function method(SyntaxNode n, String owner, List<String> marks) {
    var params = params(n.field("parameters"));
    var body = blockBody(n.field("body"));
    implicitReturn(body);
    return new Function(text(n.field("name")), owner, params, body, marks, n.line(), false);
  }

  /** Ruby returns the value of the last expression. */
  private static void implicitReturn(List<Stmt> body) {
    if (!body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Run r) {
      body.set(body.size() - 1, new Stmt.Return(r.expr(), r.conditional(), r.line()));
    }
  }

  private List<Function.Param> params(SyntaxNode list) {
    var params = new ArrayList<Function.Param>();
    if (list != null) {
      for (SyntaxNode p : list.namedChildren()) {
        SyntaxNode name = p.is("identifier") ? p : p.field("name");
        if (name != null) {
          params.add(new Function.Param(name.text(), "", List.of(), false));
        }
      }
    }
    return params;
  }

  @Override
  protected Expr expr(SyntaxNode n) {
    if (n == null) {
      return new Expr.Literal("", 0);
    }
    return switch (n.type()) {
      case "identifier", "instance_variable", "class_variable", "global_variable", "constant", "self" -> name(n);
      case "scope_resolution" -> n.field("scope") == null ? name(n.field("name"))
          : new Expr.Member(expr(n.field("scope")), text(n.field("name")), n.line());
      case "element_reference" -> {
        var kids = n.namedChildren();
        SyntaxNode key = kids.size() > 1 ? kids.get(1) : null;
        Expr k = key == null ? literal(n, "[]") : key.is("simple_symbol") ? literal(key, key.text().substring(1))
            : key.is("string") && key.childOfType("interpolation") == null ? literal(key, unquote(key.text())) : expr(key);
        yield new Expr.Index(expr(n.field("object")), k, n.line());
      }
      case "call" -> call(n);
      case "string", "heredoc_body", "string_array" -> interpolated(n);
      case "subshell" -> new Expr.Call(new Expr.Name("`", n.line()), List.of(new Expr.Arg(null, interpolated(n))),
          n.text(), n.line());
      case "simple_symbol", "hash_key_symbol" -> literal(n, n.text().replaceFirst("^:", ""));
      case "integer", "float", "true", "false", "nil", "rational", "complex", "character" -> literal(n, n.text());
      case "binary" -> {
        SyntaxNode op = n.field("operator");
        String o = op == null ? "" : op.text();
        yield CLEAN_OPERATORS.contains(o) ? literal(n, "")
            : compose(n.line(), o.equals("+") || o.equals("<<"), expr(n.field("left")), expr(n.field("right")));
      }
      case "unary" -> n.hasToken("!") || n.hasToken("not") || n.hasToken("-") ? literal(n, "") : compose(n, false);
      case "conditional" -> compose(n.line(), false, expr(n.field("consequence")), expr(n.field("alternative")));
      case "hash" -> {
        var entries = new ArrayList<Expr.Entry>();
        for (SyntaxNode p : n.namedChildren()) {
          if (p.is("pair")) {
            SyntaxNode k = p.field("key");
            String key = k == null ? null : k.is("hash_key_symbol") || k.is("simple_symbol")
                ? k.text().replaceFirst("^:", "") : k.is("string") ? unquote(k.text()) : null;
            entries.add(new Expr.Entry(key, expr(p.field("value"))));
          }
        }
        yield new Expr.Entries(entries, n.line());
      }
      case "lambda", "block", "do_block" -> new Expr.Lambda(block(n), n.line());
      default -> compose(n, false);
    };
  }

  private Function block(SyntaxNode n) {
    var body = new ArrayList<Stmt>();
    depth++;
    try {
      SyntaxNode b = n.field("body");
      if (b != null) {
        if (b.is("block_body") || b.is("body_statement")) {
          statements(b, body, false);
        } else {
          statement(b, body, false);
        }
      }
    } finally {
      depth--;
    }
    implicitReturn(body);
    return lambda(new Function("", "", params(n.field("parameters")), body, List.of(), n.line(), false));
  }

  private Expr call(SyntaxNode n) {
    SyntaxNode receiver = n.field("receiver");
    SyntaxNode method = n.field("method");
    String name = text(method);
    Expr callee = receiver == null ? new Expr.Name(name, n.line()) : new Expr.Member(expr(receiver), name, n.line());
    var args = new ArrayList<Expr.Arg>();
    SyntaxNode list = n.field("arguments");
    if (list != null) {
      for (SyntaxNode a : list.namedChildren()) {
        if (a.is("pair") && a.field("key") != null && (a.field("key").is("hash_key_symbol")
            || a.field("key").is("simple_symbol"))) {
          args.add(new Expr.Arg(a.field("key").text().replaceFirst("^:", ""), expr(a.field("value"))));
        } else {
          args.add(new Expr.Arg(null, expr(a)));
        }
      }
    }
    if (n.field("block") != null) {
      args.add(new Expr.Arg(null, expr(n.field("block"))));
    }
    return new Expr.Call(callee, args, argsText(list), n.line());
  }

  private Expr interpolated(SyntaxNode n) {
    var parts = new ArrayList<Expr>();
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("interpolation")) {
        parts.add(compose(c, false));
      } else if (!c.is("string_content") && !c.is("escape_sequence")) {
        parts.add(expr(c));
      }
    }
    return parts.isEmpty() ? literal(n, unquote(n.text())) : new Expr.Compose(parts, true, n.line());
  }
}
