package dev.bulwark.sast.lang.php;

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
 * PHP (tree-sitter-php, HTML with PHP islands). {@code echo}, {@code print}, {@code <?= ?>},
 * backticks and {@code include}/{@code require} become calls of those names, so rules treat them
 * like functions; variables keep their {@code $}; {@code ->} and {@code ::} are member accesses.
 */
public final class PhpLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if_statement", "else_clause", "else_if_clause",
      "for_statement", "while_statement", "do_statement", "switch_statement", "switch_block", "case_statement",
      "default_statement", "try_statement", "catch_clause", "finally_clause", "colon_block");
  private static final Set<String> CLEAN_OPERATORS = Set.of("-", "*", "/", "%", "**", "<", ">", "<=", ">=", "==",
      "===", "!=", "!==", "<>", "<=>", "&&", "||", "and", "or", "xor", "instanceof", "&", "|", "^", "<<", ">>");
  private static final Set<String> INCLUDES = Set.of("include_expression", "include_once_expression",
      "require_expression", "require_once_expression");


  public PhpLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statements(SyntaxNode node, List<Stmt> out, boolean conditional) {
    if (node == null) {
      return;
    }
    boolean echoNext = false;
    for (SyntaxNode c : node.namedChildren()) {
      if (c.is("text_interpolation")) {
        SyntaxNode last = c.childCount() == 0 ? null : c.child(c.childCount() - 1);
        echoNext = last != null && last.is("php_tag") && last.text().equals("<?=");
        continue;
      }
      if (echoNext && c.is("expression_statement") && c.firstNamed() != null) {
        out.add(new Stmt.Run(call("echo", List.of(expr(c.firstNamed())), c), conditional, c.line()));
      } else if (!c.is("ERROR")) {
        statement(c, out, conditional);
      }
      echoNext = false;
    }
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "expression_statement" -> {
        SyntaxNode e = n.firstNamed();
        if (e == null) {
          return;
        }
        if (e.is("assignment_expression") || e.is("augmented_assignment_expression")
            || e.is("reference_assignment_expression")) {
          assign(e, out, conditional);
        } else {
          out.add(new Stmt.Run(expr(e), conditional, n.line()));
        }
      }
      case "echo_statement" -> out.add(new Stmt.Run(call("echo", args(n), n), conditional, n.line()));
      case "return_statement" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : expr(v), conditional, n.line()));
      }
      case "function_definition" -> define(function(n, "", List.of()));
      case "class_declaration", "trait_declaration" -> klass(n);
      case "foreach_statement" -> {
        var kids = n.namedChildren();
        if (kids.size() >= 2) {
          Expr each = new Expr.Index(expr(kids.get(0)), literal(n, "[]"), n.line());
          SyntaxNode target = kids.get(1);
          if (target.is("pair") && target.namedChildren().size() == 2) {
            target = target.namedChildren().get(1);
          }
          out.add(new Stmt.Assign(expr(target), each, true, n.line()));
        }
        statements(n.field("body"), out, true);
      }
      case "compound_statement", "program", "declaration_list", "namespace_definition" -> statements(n, out, conditional);
      case "namespace_use_declaration", "const_declaration", "comment", "text", "php_tag", "interface_declaration",
          "enum_declaration", "global_declaration", "static_variable_declaration", "break_statement",
          "continue_statement", "empty_statement", "namespace_name" -> { }
      default -> {
        otherStatement(n, out, conditional, BRANCHES);
      }
    }
  }

  private void assign(SyntaxNode e, List<Stmt> out, boolean conditional) {
    SyntaxNode left = e.field("left");
    Expr value = expr(e.field("right"));
    if (e.is("augmented_assignment_expression")) {
      value = compose(e.line(), true, expr(left), value);
    }
    if (left != null && left.is("list_literal")) {
      for (SyntaxNode t : left.namedChildren()) {
        out.add(new Stmt.Assign(expr(t), new Expr.Index(value, literal(t, "[]"), t.line()), conditional, e.line()));
      }
    } else if (left != null) {
      out.add(new Stmt.Assign(expr(left), value, conditional, e.line()));
    }
  }

  private List<Expr> args(SyntaxNode n) {
    var out = new ArrayList<Expr>();
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("sequence_expression")) {
        out.addAll(args(c));
      } else {
        out.add(expr(c));
      }
    }
    return out;
  }

  private Expr call(String name, List<Expr> args, SyntaxNode n) {
    return new Expr.Call(new Expr.Name(name, n.line()), args.stream().map(a -> new Expr.Arg(null, a)).toList(),
        argsText(n), n.line());
  }

  // ---- functions and classes ------------------------------------------------------------------

  private void klass(SyntaxNode n) {
    String owner = text(n.field("name"));
    var marks = new ArrayList<String>();
    SyntaxNode base = n.childOfType("base_clause");
    if (base != null) {
      marks.add("class:" + base.text());
    }
    marks.add("class:" + owner);
    SyntaxNode body = n.field("body");
    if (body == null) {
      return;
    }
    for (SyntaxNode m : body.namedChildren()) {
      if (m.is("method_declaration")) {
        var decos = new ArrayList<>(marks);
        m.children().stream().filter(c -> c.is("visibility_modifier")).forEach(v -> decos.add(v.text()));
        define(function(m, owner, decos));
      }
    }
  }

  private Function function(SyntaxNode n, String owner, List<String> decos) {
    var params = new ArrayList<Function.Param>();
    SyntaxNode list = n.field("parameters");
    if (list != null) {
      for (SyntaxNode p : list.namedChildren()) {
        SyntaxNode name = p.field("name");
        if (name != null) {
          params.add(new Function.Param(name.text(), text(p.field("type")).replace("?", ""), List.of(), false));
        }
      }
    }
    var body = functionBody(n.field("body"), "compound_statement");
    return new Function(text(n.field("name")), owner, params, body, decos, n.line(), false);
  }

  // ---- expressions ---------------------------------------------------------------------------

  @Override
  protected Expr expr(SyntaxNode n) {
    if (n == null) {
      return new Expr.Literal("", 0);
    }
    if (INCLUDES.contains(n.type())) {
      SyntaxNode target = n.firstNamed();
      String file = includedFile(target);
      if (file != null) {
        includes.add(file);
      }
      return call("include", target == null ? List.of() : List.of(expr(target)), n);
    }
    return switch (n.type()) {
      case "variable_name", "name", "qualified_name" -> new Expr.Name(n.text().replaceFirst("^\\\\", ""), n.line());
      case "member_access_expression", "nullsafe_member_access_expression", "scoped_property_access_expression",
          "class_constant_access_expression" -> {
        var kids = n.namedChildren();
        SyntaxNode object = n.field("object") != null ? n.field("object") : n.field("scope");
        SyntaxNode name = n.field("name") != null ? n.field("name") : kids.isEmpty() ? null : kids.get(kids.size() - 1);
        yield new Expr.Member(expr(object != null ? object : kids.isEmpty() ? null : kids.get(0)),
            text(name).replaceFirst("^\\$", ""), n.line());
      }
      case "subscript_expression" -> {
        var kids = n.namedChildren();
        Expr target = kids.isEmpty() ? literal(n, "") : expr(kids.get(0));
        SyntaxNode index = kids.size() > 1 ? kids.get(1) : null;
        Expr key = index == null ? literal(n, "[]") : constantString(index) != null
            ? literal(index, constantString(index)) : expr(index);
        yield new Expr.Index(target, key, n.line());
      }
      case "function_call_expression" -> callOf(expr(n.field("function")), n.field("arguments"), n);
      case "member_call_expression", "nullsafe_member_call_expression" -> callOf(
          new Expr.Member(expr(n.field("object")), text(n.field("name")), n.line()), n.field("arguments"), n);
      case "scoped_call_expression" -> callOf(
          new Expr.Member(expr(n.field("scope")), text(n.field("name")), n.line()), n.field("arguments"), n);
      case "object_creation_expression" -> {
        SyntaxNode type = n.firstNamed();
        yield callOf(type == null ? literal(n, "") : new Expr.Name(type.text().replaceFirst("^\\\\", ""), n.line()),
            n.childOfType("arguments"), n);
      }
      case "shell_command_expression" -> call("shell_exec", List.of(interpolated(n)), n);
      case "print_intrinsic" -> call("print", args(n), n);
      case "string", "encapsed_string", "heredoc", "nowdoc" -> {
        String constant = constantString(n);
        yield constant != null ? literal(n, constant) : interpolated(n);
      }
      case "integer", "float", "boolean", "null" -> literal(n, n.text());
      case "binary_expression" -> {
        SyntaxNode op = n.field("operator");
        String o = op == null ? "" : op.text();
        yield CLEAN_OPERATORS.contains(o.toLowerCase(java.util.Locale.ROOT)) ? literal(n, "")
            : compose(n.line(), o.equals("."), expr(n.field("left")), expr(n.field("right")));
      }
      case "cast_expression" -> {
        String type = text(n.field("type")).toLowerCase(java.util.Locale.ROOT);
        yield type.matches("int|integer|float|double|bool|boolean|real") ? literal(n, "") : expr(n.field("value"));
      }
      case "unary_op_expression", "update_expression" -> literal(n, "");
      case "conditional_expression" -> compose(n.line(), false, expr(n.field("body")), expr(n.field("alternative")));
      case "anonymous_function", "arrow_function" -> {
        yield nested(() -> new Expr.Lambda(lambda(function(n, "", List.of())), n.line()));
      }
      case "array_creation_expression" -> {
        var entries = new ArrayList<Expr.Entry>();
        for (SyntaxNode el : n.namedChildren()) {
          var kids = el.namedChildren();
          if (kids.size() == 2) {
            entries.add(new Expr.Entry(constantString(kids.get(0)), expr(kids.get(1))));
          } else if (kids.size() == 1) {
            entries.add(new Expr.Entry(null, expr(kids.get(0))));
          }
        }
        yield new Expr.Entries(entries, n.line());
      }
      default -> compose(n, false);
    };
  }

  private Expr callOf(Expr callee, SyntaxNode args, SyntaxNode n) {
    var list = new ArrayList<Expr.Arg>();
    if (args != null) {
      for (SyntaxNode a : args.namedChildren()) {
        SyntaxNode v = a.is("argument") ? a.firstNamed() : a;
        String kw = a.is("argument") && a.field("name") != null ? a.field("name").text() : null;
        if (kw != null) {
          v = a.namedChildren().get(a.namedChildren().size() - 1);
        }
        list.add(new Expr.Arg(kw, expr(v)));
      }
    }
    return new Expr.Call(callee, list, argsText(args), n.line());
  }

  private Expr interpolated(SyntaxNode n) {
    var parts = new ArrayList<Expr>();
    collectInterpolations(n, parts);
    return new Expr.Compose(parts, true, n.line());
  }

  private void collectInterpolations(SyntaxNode n, List<Expr> parts) {
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("string_content") || c.is("escape_sequence") || c.is("heredoc_start") || c.is("heredoc_end")) {
        continue;
      }
      if (c.is("heredoc_body") || c.is("nowdoc_body")) {
        collectInterpolations(c, parts);
      } else {
        parts.add(expr(c));
      }
    }
  }

  /** The value of a string without interpolation, or null. */
  private static String constantString(SyntaxNode n) {
    if (!(n.is("string") || n.is("encapsed_string") || n.is("nowdoc"))) {
      return null;
    }
    var sb = new StringBuilder();
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("string_content") || c.is("nowdoc_body") || c.is("string_value")) {
        sb.append(c.text());
      } else if (!c.is("escape_sequence")) {
        return null;
      }
    }
    return sb.toString();
  }

  /** The project path an include names ('x.php', __DIR__ . '/x.php', dirname(__FILE__) . '/x.php'). */
  private String includedFile(SyntaxNode target) {
    if (target == null) {
      return null;
    }
    String literal = constantString(target);
    if (literal == null && target.is("binary_expression") && target.field("right") != null) {
      literal = constantString(target.field("right"));
    }
    if (literal == null || !literal.endsWith(".php")) {
      return null;
    }
    return Paths.join(Paths.dir(path), literal.replaceFirst("^/", ""));
  }
}
