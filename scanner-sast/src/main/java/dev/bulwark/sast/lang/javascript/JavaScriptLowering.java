package dev.bulwark.sast.lang.javascript;

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

/** JavaScript and TypeScript (tree-sitter-javascript and -typescript share their node types). */
public final class JavaScriptLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if_statement", "else_clause", "for_statement",
      "for_in_statement", "while_statement", "do_statement", "try_statement", "catch_clause", "finally_clause",
      "switch_statement", "switch_body", "switch_case", "switch_default");
  private static final Set<String> FUNCTIONS = Set.of("function_declaration", "generator_function_declaration",
      "function_expression", "function", "arrow_function", "generator_function", "method_definition");
  private static final Set<String> PASS_THROUGH = Set.of("parenthesized_expression", "await_expression",
      "as_expression", "non_null_expression", "satisfies_expression", "type_assertion", "spread_element",
      "expression_statement");
  private static final Set<String> CLEAN_OPERATORS = Set.of("-", "*", "/", "%", "**", "<", ">", "<=", ">=", "==",
      "===", "!=", "!==", "instanceof", "in", "&", "|", "^", "<<", ">>", ">>>");


  public JavaScriptLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "expression_statement" -> {
        SyntaxNode e = n.firstNamed();
        if (e != null && (e.is("assignment_expression") || e.is("augmented_assignment_expression"))) {
          assignment(e, out, conditional);
        } else if (e != null) {
          out.add(new Stmt.Run(expr(e), conditional, n.line()));
        }
      }
      case "lexical_declaration", "variable_declaration" -> {
        for (SyntaxNode d : n.namedChildren()) {
          if (d.is("variable_declarator") && d.field("value") != null) {
            declare(d.field("name"), d.field("value"), out, conditional);
          }
        }
      }
      case "return_statement" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : expr(v), conditional, n.line()));
      }
      case "function_declaration", "generator_function_declaration" -> {
        Function f = define(function(n, ""));
        if (depth > 0) {
          out.add(new Stmt.Assign(new Expr.Name(f.name(), n.line()), new Expr.Lambda(f, n.line()), conditional, n.line()));
        }
      }
      case "class_declaration", "class", "abstract_class_declaration" -> klass(n);
      case "export_statement" -> {
        SyntaxNode d = n.field("declaration");
        if (d != null) {
          statement(d, out, conditional);
        } else if (n.field("value") != null) {
          out.add(new Stmt.Run(expr(n.field("value")), conditional, n.line()));
        }
      }
      case "import_statement" -> importStatement(n);
      case "for_in_statement" -> {
        SyntaxNode left = n.field("left");
        if (left != null && n.field("right") != null) {
          declare(left, n.field("right"), out, true);
        }
        statements(n.field("body"), out, true);
      }
      case "statement_block", "program" -> statements(n, out, conditional);
      case "interface_declaration", "type_alias_declaration", "enum_declaration", "comment", "empty_statement",
          "ambient_declaration", "debugger_statement" -> { }
      default -> {
        otherStatement(n, out, conditional, BRANCHES);
      }
    }
  }

  private void assignment(SyntaxNode e, List<Stmt> out, boolean conditional) {
    SyntaxNode left = e.field("left");
    Expr value = expr(e.field("right"));
    if (e.is("augmented_assignment_expression")) {
      value = compose(e.line(), true, expr(left), value);
    }
    if (left != null && (left.is("object_pattern") || left.is("array_pattern"))) {
      destructure(left, value, out, conditional);
    } else if (left != null) {
      out.add(new Stmt.Assign(expr(left), value, conditional, e.line()));
    }
  }

  /** {@code const x = v}, {@code const {a, b: c} = v}, {@code const [a, b] = v}; and require/import bindings. */
  private void declare(SyntaxNode name, SyntaxNode valueNode, List<Stmt> out, boolean conditional) {
    if (name == null || valueNode == null) {
      return;
    }
    String module = requireTarget(valueNode);
    if (module != null) {
      bindImport(name, module);
      return;
    }
    Expr value = expr(valueNode);
    if (name.is("object_pattern") || name.is("array_pattern")) {
      destructure(name, value, out, conditional);
    } else {
      if (value instanceof Expr.Lambda l && name.is("identifier") && depth == 0) {
        define(rename(l.function(), name.text())); // const handler = (req, res) => ...
      }
      out.add(new Stmt.Assign(expr(name), value, conditional, name.line()));
    }
  }

  private void destructure(SyntaxNode pattern, Expr value, List<Stmt> out, boolean conditional) {
    for (SyntaxNode p : pattern.namedChildren()) {
      switch (p.type()) {
        case "shorthand_property_identifier_pattern", "identifier" -> out.add(new Stmt.Assign(name(p),
            pattern.is("array_pattern") ? new Expr.Index(value, literal(p, "[]"), p.line())
                : new Expr.Member(value, p.text(), p.line()), conditional, p.line()));
        case "pair_pattern" -> {
          SyntaxNode v = p.field("value");
          Expr field = new Expr.Member(value, unquote(text(p.field("key"))), p.line());
          if (v != null && (v.is("object_pattern") || v.is("array_pattern"))) {
            destructure(v, field, out, conditional);
          } else if (v != null) {
            out.add(new Stmt.Assign(expr(v.is("assignment_pattern") ? v.field("left") : v), field, conditional, p.line()));
          }
        }
        case "object_assignment_pattern", "assignment_pattern" -> {
          SyntaxNode l = p.field("left");
          if (l != null) {
            out.add(new Stmt.Assign(name(l), new Expr.Member(value, l.text(), p.line()), conditional, p.line()));
          }
        }
        case "rest_pattern" -> {
          SyntaxNode r = p.firstNamed();
          if (r != null) {
            out.add(new Stmt.Assign(name(r), value, conditional, p.line()));
          }
        }
        case "object_pattern", "array_pattern" -> destructure(p, value, out, conditional);
        default -> { }
      }
    }
  }

  // ---- imports -----------------------------------------------------------------------------

  /** {@code require('m')} or {@code require('m').x} as "m" or "m.x"; null for any other value. */
  private static String requireTarget(SyntaxNode v) {
    if (v.is("call_expression") && "require".equals(text(v.field("function")))) {
      SyntaxNode args = v.field("arguments");
      SyntaxNode first = args == null ? null : args.firstNamed();
      return first != null && first.is("string") ? moduleName(unquote(first.text())) : null;
    }
    if (v.is("member_expression") && v.field("object") != null) {
      String base = requireTarget(v.field("object"));
      return base == null ? null : base + "." + text(v.field("property"));
    }
    return null;
  }

  /** Relative modules keep their path, with '#' before a member ("./db#query"); packages use dots. */
  private static String moduleName(String spec) {
    return spec.startsWith("node:") ? spec.substring(5) : spec;
  }

  private void bindImport(SyntaxNode name, String module) {
    String sep = module.startsWith(".") && !module.contains("#") ? "#" : ".";
    if (name.is("identifier")) {
      imports.put(name.text(), module);
    } else if (name.is("object_pattern")) {
      for (SyntaxNode p : name.namedChildren()) {
        if (p.is("shorthand_property_identifier_pattern")) {
          imports.put(p.text(), module + sep + p.text());
        } else if (p.is("pair_pattern") && p.field("value") != null) {
          imports.put(p.field("value").text(), module + sep + unquote(text(p.field("key"))));
        }
      }
    }
  }

  private void importStatement(SyntaxNode n) {
    SyntaxNode source = n.field("source");
    SyntaxNode clause = n.childOfType("import_clause");
    if (source == null || clause == null) {
      return;
    }
    String module = moduleName(unquote(source.text()));
    String sep = module.startsWith(".") ? "#" : ".";
    for (SyntaxNode c : clause.namedChildren()) {
      switch (c.type()) {
        case "identifier" -> imports.put(c.text(), module + (module.startsWith(".") ? "#default" : ""));
        case "namespace_import" -> {
          SyntaxNode id = c.firstNamed();
          if (id != null) {
            imports.put(id.text(), module);
          }
        }
        case "named_imports" -> {
          for (SyntaxNode s : c.namedChildren()) {
            SyntaxNode orig = s.field("name");
            SyntaxNode alias = s.field("alias");
            if (orig != null) {
              imports.put((alias == null ? orig : alias).text(), module + sep + unquote(orig.text()));
            }
          }
        }
        default -> { }
      }
    }
  }

  // ---- functions and classes ------------------------------------------------------------------

  private void klass(SyntaxNode n) {
    String owner = text(n.field("name"));
    var marks = new ArrayList<String>();
    SyntaxNode heritage = n.childOfType("class_heritage");
    if (heritage != null) {
      marks.add("class:" + heritage.text());
    }
    n.children().stream().filter(c -> c.is("decorator")).forEach(d -> marks.add(d.text()));
    SyntaxNode body = n.field("body");
    if (body == null) {
      return;
    }
    var pending = new ArrayList<SyntaxNode>();
    for (SyntaxNode m : body.namedChildren()) {
      if (m.is("decorator")) {
        pending.add(m);
      } else if (m.is("method_definition")) {
        Function f = function(m, owner);
        var decos = new ArrayList<>(f.decorations());
        decos.addAll(decorations(pending));
        decos.addAll(marks);
        define(new Function(f.name(), owner, f.params(), f.body(), decos, f.line(), false));
        pending.clear();
      } else if ((m.is("field_definition") || m.is("public_field_definition")) && m.field("value") != null
          && FUNCTIONS.contains(m.field("value").type())) {
        Function f = function(m.field("value"), owner);
        String name = text(m.field("property") != null ? m.field("property") : m.field("name"));
        define(rename(f, name));
        pending.clear();
      }
    }
  }

  private static Function rename(Function f, String name) {
    return new Function(name, f.owner(), f.params(), f.body(), f.decorations(), f.line(), f.entry());
  }

  /** A function, method or arrow function: its parameters and its body (an expression body is a return). */
  Function function(SyntaxNode n, String owner) {
    var params = new ArrayList<Function.Param>();
    SyntaxNode list = n.field("parameters");
    if (list == null && n.field("parameter") != null) {
      params.add(new Function.Param(n.field("parameter").text(), "", List.of(), false));
    } else if (list != null) {
      var pending = new ArrayList<SyntaxNode>();
      for (SyntaxNode p : list.namedChildren()) {
        if (p.is("decorator")) {
          pending.add(p);
          continue;
        }
        params.add(param(p, pending));
        pending.clear();
      }
    }
    var body = functionBody(n.field("body"), "statement_block");
    var decos = new ArrayList<String>();
    n.children().stream().filter(c -> c.is("decorator")).forEach(d -> decos.add(d.text()));
    return new Function(text(n.field("name")), owner, params, body, decos, n.line(), false);
  }

  private Function.Param param(SyntaxNode p, List<SyntaxNode> decorators) {
    var decos = new ArrayList<>(decorations(decorators));
    p.children().stream().filter(c -> c.is("decorator")).forEach(d -> decos.add(d.text()));
    SyntaxNode pattern = p.field("pattern") != null ? p.field("pattern") : p;
    if (pattern.is("assignment_pattern") && pattern.field("left") != null) {
      pattern = pattern.field("left");
    } else if (pattern.is("rest_pattern") && pattern.firstNamed() != null) {
      pattern = pattern.firstNamed();
    }
    SyntaxNode type = p.field("type");
    String typeText = type == null ? "" : type.text().replaceFirst("^:\\s*", "");
    return new Function.Param(pattern.text(), typeText, decos, false);
  }

  // ---- expressions ---------------------------------------------------------------------------

  @Override
  protected Expr expr(SyntaxNode n) {
    if (n == null) {
      return new Expr.Literal("", 0);
    }
    if (PASS_THROUGH.contains(n.type())) {
      SyntaxNode inner = n.firstNamed();
      return inner == null ? literal(n, "") : expr(inner);
    }
    return switch (n.type()) {
      case "identifier", "shorthand_property_identifier", "this", "super", "property_identifier" -> name(n);
      case "member_expression" -> new Expr.Member(expr(n.field("object")), text(n.field("property")), n.line());
      case "subscript_expression" -> {
        SyntaxNode index = n.field("index");
        Expr key = index != null && index.is("string") ? literal(index, unquote(index.text())) : expr(index);
        yield new Expr.Index(expr(n.field("object")), key, n.line());
      }
      case "call_expression" -> call(n, expr(n.field("function")), n.field("arguments"));
      case "new_expression" -> call(n, expr(n.field("constructor")), n.field("arguments"));
      case "string" -> literal(n, unquote(n.text()));
      case "template_string" -> template(n);
      case "number", "true", "false", "null", "undefined", "regex" -> literal(n, n.text());
      case "binary_expression" -> binary(n);
      case "unary_expression", "update_expression" -> literal(n, "");
      case "ternary_expression" -> compose(n.line(), false, expr(n.field("consequence")), expr(n.field("alternative")));
      case "assignment_expression" -> expr(n.field("right"));
      case "arrow_function", "function_expression", "function", "generator_function" -> {
        yield nested(() -> new Expr.Lambda(lambda(function(n, "")), n.line()));
      }
      case "object" -> object(n);
      case "array", "sequence_expression" -> compose(n, false);
      case "jsx_expression" -> compose(n, false);
      default -> compose(n, false);
    };
  }

  private Expr call(SyntaxNode n, Expr callee, SyntaxNode args) {
    var list = new ArrayList<Expr.Arg>();
    if (args != null && args.is("template_string")) {
      list.add(new Expr.Arg(null, template(args)));
    } else if (args != null) {
      for (SyntaxNode a : args.namedChildren()) {
        list.add(new Expr.Arg(null, expr(a)));
      }
    }
    return new Expr.Call(callee, list, argsText(args), n.line());
  }

  private Expr template(SyntaxNode n) {
    var parts = new ArrayList<Expr>();
    for (SyntaxNode c : n.namedChildren()) {
      if (c.is("template_substitution")) {
        parts.add(compose(c, false));
      }
    }
    return parts.isEmpty() ? literal(n, unquote(n.text())) : new Expr.Compose(parts, true, n.line());
  }

  private Expr binary(SyntaxNode n) {
    for (String op : CLEAN_OPERATORS) {
      if (n.hasToken(op)) {
        return literal(n, ""); // numbers and booleans carry no injectable text
      }
    }
    return compose(n.line(), n.hasToken("+"), expr(n.field("left")), expr(n.field("right")));
  }

  private Expr object(SyntaxNode n) {
    var entries = new ArrayList<Expr.Entry>();
    for (SyntaxNode c : n.namedChildren()) {
      switch (c.type()) {
        case "pair" -> {
          SyntaxNode k = c.field("key");
          String key = k == null || k.is("computed_property_name") ? null : unquote(k.text());
          entries.add(new Expr.Entry(key, expr(c.field("value"))));
        }
        case "shorthand_property_identifier" -> entries.add(new Expr.Entry(c.text(), name(c)));
        case "spread_element" -> entries.add(new Expr.Entry(null, expr(c)));
        default -> { }
      }
    }
    return new Expr.Entries(entries, n.line());
  }
}
