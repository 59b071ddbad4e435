package dev.bulwark.sast.lang.go;

import dev.bulwark.sast.lang.EntryPoints;
import dev.bulwark.sast.lang.Lowering;
import dev.bulwark.sast.syntax.SyntaxNode;
import dev.bulwark.sast.syntax.SyntaxTree;
import dev.bulwark.sast.taint.Expr;
import dev.bulwark.sast.taint.Function;
import dev.bulwark.sast.taint.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Go (tree-sitter-go). Imports bind a package's last path segment (or its alias) to the full
 * import path ({@code exec} → {@code os/exec}); a composite literal ({@code tls.Config{...}}) is
 * a call of its type; a call passing {@code &v} also assigns its result to {@code v} (decoders,
 * binders and {@code Scan} fill their arguments).
 */
public final class GoLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if_statement", "for_statement", "expression_switch_statement",
      "type_switch_statement", "select_statement", "expression_case", "default_case", "type_case",
      "communication_case");
  private static final Set<String> CLEAN_OPERATORS = Set.of("-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=",
      "&&", "||", "&", "|", "^", "<<", ">>", "&^");


  public GoLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "short_var_declaration", "assignment_statement" -> assign(n.field("left"), n.field("right"), out,
          conditional, n.line(), n.is("assignment_statement") && !n.hasToken("=") && !n.hasToken(":="));
      case "var_declaration" -> {
        for (SyntaxNode spec : n.namedChildren()) {
          if (spec.is("var_spec") && spec.field("value") != null) {
            var names = spec.fields("name");
            var values = spec.field("value").namedChildren();
            for (int i = 0; i < names.size(); i++) {
              Expr v = expr(values.get(Math.min(i, values.size() - 1)));
              out.add(new Stmt.Assign(name(names.get(i)), v, conditional, spec.line()));
            }
          }
        }
      }
      case "expression_statement", "go_statement", "defer_statement" -> {
        SyntaxNode e = n.firstNamed();
        if (e != null) {
          run(e, out, conditional);
        }
      }
      case "return_statement" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : compose(v, false), conditional, n.line()));
      }
      case "function_declaration", "method_declaration" -> function(n);
      case "import_declaration" -> imports(n);
      case "for_statement" -> {
        SyntaxNode range = n.childOfType("range_clause");
        if (range != null && range.field("left") != null) {
          Expr each = new Expr.Index(expr(range.field("right")), literal(range, "[]"), range.line());
          for (SyntaxNode target : range.field("left").namedChildren()) {
            out.add(new Stmt.Assign(expr(target), each, true, range.line()));
          }
        }
        statements(n.field("body"), out, true);
      }
      case "block", "statement_list", "source_file", "labeled_statement" -> statements(n, out, conditional);
      case "package_clause", "const_declaration", "type_declaration", "comment", "inc_statement", "dec_statement",
          "break_statement", "continue_statement", "goto_statement", "fallthrough_statement", "empty_statement" -> { }
      default -> {
        otherStatement(n, out, conditional, BRANCHES);
      }
    }
  }

  /** Evaluates an expression; a call given {@code &v} then assigns its result to v. */
  @Override
  protected void run(SyntaxNode e, List<Stmt> out, boolean conditional) {
    Expr value = expr(e);
    out.add(new Stmt.Run(value, conditional, e.line()));
    outParameters(e, value, out, conditional);
  }

  private void outParameters(SyntaxNode e, Expr value, List<Stmt> out, boolean conditional) {
    if (!e.is("call_expression") || e.field("arguments") == null) {
      return;
    }
    for (SyntaxNode a : e.field("arguments").namedChildren()) {
      if (a.is("unary_expression") && a.hasToken("&") && a.field("operand") != null) {
        out.add(new Stmt.Assign(expr(a.field("operand")), value, conditional, a.line()));
      }
    }
  }

  private void assign(SyntaxNode left, SyntaxNode right, List<Stmt> out, boolean conditional, int line,
      boolean augmented) {
    if (left == null || right == null) {
      return;
    }
    var targets = left.namedChildren();
    var values = right.namedChildren();
    if (values.isEmpty()) {
      return;
    }
    Expr single = values.size() == 1 ? expr(values.get(0)) : null;
    for (int i = 0; i < targets.size(); i++) {
      SyntaxNode t = targets.get(i);
      if (t.text().equals("_")) {
        continue;
      }
      Expr v = single != null ? single : expr(values.get(Math.min(i, values.size() - 1)));
      out.add(new Stmt.Assign(expr(t), augmented ? compose(line, true, expr(t), v) : v, conditional, line));
    }
    if (values.size() == 1) {
      outParameters(values.get(0), single, out, conditional);
    }
  }

  private void imports(SyntaxNode n) {
    for (SyntaxNode spec : n.namedChildren().stream().flatMap(c -> c.is("import_spec_list")
        ? c.namedChildren().stream() : java.util.stream.Stream.of(c)).toList()) {
      if (!spec.is("import_spec") || spec.field("path") == null) {
        continue;
      }
      String path = unquote(spec.field("path").text());
      SyntaxNode alias = spec.field("name");
      String local = alias != null ? alias.text() : path.substring(path.lastIndexOf('/') + 1);
      if (local.matches("v\\d+") && path.contains("/")) { // gopkg.in/yaml.v3, .../v2 module suffixes
        String trimmed = path.substring(0, path.lastIndexOf('/'));
        local = trimmed.substring(trimmed.lastIndexOf('/') + 1);
      }
      imports.put(local.replaceAll("\\.v\\d+$", "").replace("-", ""), path);
    }
  }

  private void function(SyntaxNode n) {
    String owner = "";
    var params = new ArrayList<Function.Param>();
    SyntaxNode receiver = n.field("receiver");
    if (receiver != null) {
      for (SyntaxNode p : receiver.namedChildren()) {
        owner = text(p.field("type")).replaceAll("[*\\s]", "").replaceAll("\\[.*", "");
      }
    }
    SyntaxNode list = n.field("parameters");
    if (list != null) {
      for (SyntaxNode p : list.namedChildren()) {
        String type = text(p.field("type"));
        for (SyntaxNode name : p.fields("name")) {
          params.add(new Function.Param(name.text(), type, List.of(), false));
        }
      }
    }
    var body = blockBody(n.field("body"));
    define(new Function(text(n.field("name")), owner, params, body, List.of(), n.line(), false));
  }

  private Function funcLiteral(SyntaxNode n) {
    var params = new ArrayList<Function.Param>();
    SyntaxNode list = n.field("parameters");
    if (list != null) {
      for (SyntaxNode p : list.namedChildren()) {
        for (SyntaxNode name : p.fields("name")) {
          params.add(new Function.Param(name.text(), text(p.field("type")), List.of(), false));
        }
      }
    }
    var body = blockBody(n.field("body"));
    return lambda(new Function("", "", params, body, List.of(), n.line(), false));
  }

  @Override
  protected Expr expr(SyntaxNode n) {
    if (n == null) {
      return new Expr.Literal("", 0);
    }
    return switch (n.type()) {
      case "identifier", "field_identifier", "package_identifier", "type_identifier" -> name(n);
      case "selector_expression" -> new Expr.Member(expr(n.field("operand")), text(n.field("field")), n.line());
      case "index_expression" -> {
        SyntaxNode index = n.field("index");
        Expr key = index != null && index.type().endsWith("string_literal") ? literal(index, unquote(index.text()))
            : expr(index);
        yield new Expr.Index(expr(n.field("operand")), key, n.line());
      }
      case "call_expression" -> {
        var args = new ArrayList<Expr.Arg>();
        SyntaxNode list = n.field("arguments");
        if (list != null) {
          list.namedChildren().forEach(a -> args.add(new Expr.Arg(null, expr(a))));
        }
        yield new Expr.Call(expr(n.field("function")), args, argsText(list), n.line());
      }
      case "composite_literal" -> {
        SyntaxNode body = n.field("body");
        Expr entries = body == null ? literal(n, "") : entries(body);
        yield new Expr.Call(expr(n.field("type")), List.of(new Expr.Arg(null, entries)), argsText(body), n.line());
      }
      case "qualified_type" -> new Expr.Member(expr(n.field("package")), text(n.field("name")), n.line());
      case "interpreted_string_literal", "raw_string_literal" -> literal(n, unquote(n.text()));
      case "int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false", "nil", "iota" ->
          literal(n, n.text());
      case "binary_expression" -> {
        for (String op : CLEAN_OPERATORS) {
          if (n.hasToken(op)) {
            yield literal(n, "");
          }
        }
        yield compose(n.line(), true, expr(n.field("left")), expr(n.field("right")));
      }
      case "unary_expression" -> n.hasToken("&") || n.hasToken("*") || n.hasToken("<-") ? expr(n.field("operand"))
          : literal(n, "");
      case "func_literal" -> new Expr.Lambda(funcLiteral(n), n.line());
      case "parenthesized_expression", "slice_expression", "type_assertion_expression", "type_conversion_expression",
          "expression_list" -> compose(n, false);
      default -> compose(n, false);
    };
  }

  private Expr entries(SyntaxNode body) {
    var entries = new ArrayList<Expr.Entry>();
    for (SyntaxNode e : body.namedChildren()) {
      if (e.is("keyed_element")) {
        var kids = e.namedChildren();
        String key = kids.isEmpty() ? null : kids.get(0).text();
        entries.add(new Expr.Entry(key, kids.size() > 1 ? expr(kids.get(1)) : literal(e, "")));
      } else if (!e.is("comment")) {
        entries.add(new Expr.Entry(null, expr(e)));
      }
    }
    return new Expr.Entries(entries, body.line());
  }
}
