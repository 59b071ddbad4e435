package dev.bulwark.sast.lang.python;

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

/** Python (tree-sitter-python). */
public final class PythonLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if_statement", "elif_clause", "else_clause", "for_statement",
      "while_statement", "try_statement", "except_clause", "except_group_clause", "finally_clause", "match_statement",
      "case_clause", "block");
  private static final Set<String> STRING_OPERATORS = Set.of("+", "%");


  public PythonLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "expression_statement" -> {
        for (SyntaxNode e : n.namedChildren()) {
          if (e.is("assignment") || e.is("augmented_assignment")) {
            assignment(e, out, conditional);
          } else {
            out.add(new Stmt.Run(expr(e), conditional, n.line()));
          }
        }
      }
      case "return_statement" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : expr(v), conditional, n.line()));
      }
      case "function_definition" -> function(n, List.of(), "", List.of(), out, conditional);
      case "decorated_definition" -> {
        SyntaxNode def = n.field("definition");
        var decos = n.children().stream().filter(c -> c.is("decorator")).toList();
        if (def != null && def.is("function_definition")) {
          function(def, decos, "", List.of(), out, conditional);
        } else if (def != null && def.is("class_definition")) {
          klass(def, decos);
        }
      }
      case "class_definition" -> klass(n, List.of());
      case "import_statement" -> imports(n, null);
      case "import_from_statement" -> imports(n, n.field("module_name"));
      case "for_statement" -> {
        assignTo(n.field("left"), new Expr.Index(expr(n.field("right")), literal(n, "[]"), n.line()), out, true);
        statements(n.field("body"), out, true);
        statements(n.field("alternative"), out, true);
      }
      case "with_statement" -> {
        for (SyntaxNode item : descendants(n, "with_item")) {
          SyntaxNode v = item.field("value");
          if (v != null && v.is("as_pattern")) {
            SyntaxNode target = v.field("alias");
            Expr value = expr(v.firstNamed());
            if (target != null) {
              assignTo(target.firstNamed() != null ? target.firstNamed() : target, value, out, conditional);
            } else {
              out.add(new Stmt.Run(value, conditional, n.line()));
            }
          } else if (v != null) {
            out.add(new Stmt.Run(expr(v), conditional, n.line()));
          }
        }
        statements(n.field("body"), out, conditional);
      }
      case "module" -> statements(n, out, conditional);
      case "pass_statement", "global_statement", "nonlocal_statement", "comment", "future_import_statement",
          "break_statement", "continue_statement", "type_alias_statement" -> { }
      default -> {
        otherStatement(n, out, conditional, BRANCHES);
      }
    }
  }

  private static List<SyntaxNode> descendants(SyntaxNode n, String type) {
    var out = new ArrayList<SyntaxNode>();
    SyntaxNode clause = n.childOfType("with_clause");
    if (clause != null) {
      clause.namedChildren().stream().filter(c -> c.is(type)).forEach(out::add);
    }
    return out;
  }

  private void assignment(SyntaxNode e, List<Stmt> out, boolean conditional) {
    SyntaxNode right = e.field("right");
    if (right == null) {
      return; // an annotation without value
    }
    Expr value = expr(right);
    if (e.is("augmented_assignment")) {
      value = compose(e.line(), true, expr(e.field("left")), value);
    }
    if (right.is("assignment")) { // a = b = value
      assignment(right, out, conditional);
      value = expr(right.field("right"));
    }
    assignTo(e.field("left"), value, out, conditional);
  }

  private void assignTo(SyntaxNode target, Expr value, List<Stmt> out, boolean conditional) {
    if (target == null) {
      return;
    }
    if (target.is("pattern_list") || target.is("tuple_pattern") || target.is("list_pattern")
        || target.is("expression_list") || target.is("tuple") || target.is("list")) {
      for (SyntaxNode t : target.namedChildren()) {
        assignTo(t, new Expr.Index(value, literal(t, "[]"), t.line()), out, conditional);
      }
    } else if (target.is("list_splat_pattern")) {
      assignTo(target.firstNamed(), value, out, conditional);
    } else {
      out.add(new Stmt.Assign(expr(target), value, conditional, target.line()));
    }
  }

  // ---- imports -----------------------------------------------------------------------------

  private void imports(SyntaxNode n, SyntaxNode from) {
    String base = from == null ? null : from.text();
    for (SyntaxNode c : n.namedChildren()) {
      if (c == from) {
        continue;
      }
      String name;
      String alias;
      if (c.is("aliased_import")) {
        name = text(c.field("name"));
        alias = text(c.field("alias"));
      } else if (c.is("dotted_name")) {
        name = c.text();
        alias = from == null ? name.split("\\.")[0] : name;
        if (from == null) {
          imports.put(alias, alias); // "import os.path" binds "os"
          continue;
        }
      } else {
        continue;
      }
      imports.put(alias, base == null ? name : base.endsWith(".") ? base + name : base + "." + name);
    }
  }

  // ---- functions and classes ------------------------------------------------------------------

  private void klass(SyntaxNode n, List<SyntaxNode> decorators) {
    String owner = text(n.field("name"));
    var marks = new ArrayList<>(decorations(decorators));
    SyntaxNode supers = n.field("superclasses");
    if (supers != null) {
      marks.add("class:" + supers.text());
    }
    SyntaxNode body = n.field("body");
    if (body == null) {
      return;
    }
    for (SyntaxNode m : body.namedChildren()) {
      if (m.is("function_definition")) {
        function(m, List.of(), owner, marks, null, false);
      } else if (m.is("decorated_definition") && m.field("definition") != null
          && m.field("definition").is("function_definition")) {
        function(m.field("definition"), m.children().stream().filter(c -> c.is("decorator")).toList(), owner, marks,
            null, false);
      }
    }
  }

  /** Defines the function; a nested one is also a local variable holding a lambda (its closure sees ours). */
  private void function(SyntaxNode n, List<SyntaxNode> decorators, String owner, List<String> classMarks,
      List<Stmt> out, boolean conditional) {
    Function f = lowerFunction(n, decorators, owner, classMarks);
    Function defined = define(f);
    if (out != null && depth > 0) {
      out.add(new Stmt.Assign(new Expr.Name(f.name(), n.line()), new Expr.Lambda(defined, n.line()), conditional,
          n.line()));
    }
  }

  private Function lowerFunction(SyntaxNode n, List<SyntaxNode> decorators, String owner, List<String> classMarks) {
    var params = new ArrayList<Function.Param>();
    SyntaxNode list = n.field("parameters");
    if (list != null) {
      for (SyntaxNode p : list.namedChildren()) {
        Function.Param param = param(p);
        if (param != null && !(params.isEmpty() && !owner.isEmpty() && (param.name().equals("self")
            || param.name().equals("cls")))) {
          params.add(param);
        }
      }
    }
    var decos = new ArrayList<>(decorations(decorators));
    decos.addAll(classMarks);
    if (list != null) {
      decos.add("params:" + list.text().replaceAll("\\s+", " "));
    }
    var body = functionBody(n.field("body"), "block");
    return new Function(text(n.field("name")), owner, params, body, decos, n.line(), false);
  }

  private Function.Param param(SyntaxNode p) {
    return switch (p.type()) {
      case "identifier" -> new Function.Param(p.text(), "", List.of(), false);
      case "typed_parameter" -> {
        SyntaxNode id = p.firstNamed();
        yield id == null ? null : new Function.Param(id.text().replaceAll("^\\*+", ""), text(p.field("type")),
            List.of(), false);
      }
      case "default_parameter", "typed_default_parameter" -> new Function.Param(text(p.field("name")),
          text(p.field("type")), List.of(text(p.field("value"))), false);
      case "list_splat_pattern", "dictionary_splat_pattern" -> {
        SyntaxNode id = p.firstNamed();
        yield id == null ? null : new Function.Param(id.text(), "", List.of(), false);
      }
      default -> null;
    };
  }

  // ---- expressions ---------------------------------------------------------------------------

  @Override
  protected Expr expr(SyntaxNode n) {
    if (n == null) {
      return new Expr.Literal("", 0);
    }
    return switch (n.type()) {
      case "identifier" -> name(n);
      case "attribute" -> new Expr.Member(expr(n.field("object")), text(n.field("attribute")), n.line());
      case "subscript" -> {
        SyntaxNode key = n.field("subscript");
        Expr k = key != null && key.is("string") && key.childOfType("interpolation") == null
            ? literal(key, stringValue(key)) : expr(key);
        yield new Expr.Index(expr(n.field("value")), k, n.line());
      }
      case "call" -> call(n);
      case "string" -> string(n);
      case "concatenated_string" -> compose(n, true);
      case "integer", "float", "true", "false", "none", "ellipsis" -> literal(n, n.text());
      case "binary_operator" -> {
        SyntaxNode op = n.field("operator");
        boolean string = op != null && STRING_OPERATORS.contains(op.text());
        yield string || op != null && op.text().equals("|") ? compose(n.line(), string, expr(n.field("left")),
            expr(n.field("right"))) : literal(n, "");
      }
      case "comparison_operator", "not_operator", "unary_operator" -> literal(n, "");
      case "boolean_operator" -> compose(n.line(), false, expr(n.field("left")), expr(n.field("right")));
      case "conditional_expression" -> {
        var parts = n.namedChildren();
        yield parts.size() == 3 ? compose(n.line(), false, expr(parts.get(0)), expr(parts.get(2))) : compose(n, false);
      }
      case "lambda" -> {
        var params = new ArrayList<Function.Param>();
        SyntaxNode list = n.field("parameters");
        if (list != null) {
          list.namedChildren().stream().map(this::param).filter(p -> p != null).forEach(params::add);
        }
        yield nested(() -> {
          var body = List.<Stmt>of(new Stmt.Return(expr(n.field("body")), false, n.line()));
          return new Expr.Lambda(lambda(new Function("", "", params, body, List.of(), n.line(), false)), n.line());
        });
      }
      case "dictionary" -> {
        var entries = new ArrayList<Expr.Entry>();
        for (SyntaxNode c : n.namedChildren()) {
          if (c.is("pair")) {
            SyntaxNode k = c.field("key");
            String key = k != null && k.is("string") ? stringValue(k) : null;
            entries.add(new Expr.Entry(key, expr(c.field("value"))));
          } else if (!c.is("comment")) {
            entries.add(new Expr.Entry(null, expr(c)));
          }
        }
        yield new Expr.Entries(entries, n.line());
      }
      case "parenthesized_expression", "await", "named_expression", "list_splat", "dictionary_splat",
          "keyword_argument", "expression_list", "as_pattern" -> compose(n, false);
      case "list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension" -> {
        SyntaxNode body = n.field("body");
        var parts = new ArrayList<Expr>();
        if (body != null) {
          parts.add(expr(body));
        }
        n.namedChildren().stream().filter(c -> c.is("for_in_clause"))
            .forEach(c -> parts.add(expr(c.field("right"))));
        yield new Expr.Compose(parts, false, n.line());
      }
      default -> compose(n, false);
    };
  }

  private Expr call(SyntaxNode n) {
    Expr callee = expr(n.field("function"));
    SyntaxNode args = n.field("arguments");
    var list = new ArrayList<Expr.Arg>();
    if (args != null && args.is("argument_list")) {
      for (SyntaxNode a : args.namedChildren()) {
        if (a.is("keyword_argument")) {
          list.add(new Expr.Arg(text(a.field("name")), expr(a.field("value"))));
        } else {
          list.add(new Expr.Arg(null, expr(a)));
        }
      }
    } else if (args != null) {
      list.add(new Expr.Arg(null, expr(args)));
    }
    return new Expr.Call(callee, list, argsText(args), n.line());
  }

  /** A string: constant, or built from its interpolations (f-strings). */
  private Expr string(SyntaxNode n) {
    var parts = new ArrayList<Expr>();
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("interpolation")) {
        SyntaxNode e = c.field("expression");
        parts.add(e == null ? compose(c, false) : expr(e));
      }
    }
    return parts.isEmpty() ? literal(n, stringValue(n)) : new Expr.Compose(parts, true, n.line());
  }

  private static String stringValue(SyntaxNode n) {
    var sb = new StringBuilder();
    for (SyntaxNode c : n.children()) {
      if (c.is("string_content")) {
        sb.append(c.text());
      }
    }
    return sb.toString();
  }
}
