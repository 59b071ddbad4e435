package dev.bulwark.sast.lang.csharp;

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
 * C# (tree-sitter-c-sharp). An object initializer ({@code new X { A = v }}) passes keyword
 * arguments; a method's decorations carry its attributes and one {@code member:} marker with its
 * modifiers and its class's attributes and base types (for the controller entry-point model); a
 * lambda given to {@code MapGet}/{@code MapPost}... is marked {@code route:} (minimal APIs).
 */
public final class CSharpLowering extends Lowering {
  private static final Set<String> BRANCHES = Set.of("if_statement", "for_statement", "foreach_statement",
      "while_statement", "do_statement", "switch_statement", "switch_section", "switch_body", "try_statement",
      "catch_clause", "finally_clause", "else_clause");
  private static final Set<String> CLEAN_OPERATORS = Set.of("-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=",
      "&&", "||", "&", "|", "^", "<<", ">>", "is", "as");
  private static final Set<String> TYPES = Set.of("class_declaration", "record_declaration", "struct_declaration",
      "interface_declaration");


  public CSharpLowering(String path, SyntaxTree tree, EntryPoints entryPoints) {
    super(path, tree, entryPoints);
  }

  @Override
  protected void statement(SyntaxNode n, List<Stmt> out, boolean conditional) {
    switch (n.type()) {
      case "expression_statement" -> {
        SyntaxNode e = n.firstNamed();
        if (e != null && e.is("assignment_expression")) {
          Expr value = expr(e.field("right"));
          if (!e.hasToken("=")) {
            value = compose(e.line(), true, expr(e.field("left")), value);
          }
          out.add(new Stmt.Assign(expr(e.field("left")), value, conditional, e.line()));
        } else if (e != null) {
          out.add(new Stmt.Run(expr(e), conditional, n.line()));
        }
      }
      case "local_declaration_statement", "field_declaration", "using_statement" -> {
        for (SyntaxNode d : n.namedChildren()) {
          if (d.is("variable_declaration")) {
            declarators(d, out, conditional);
          }
        }
        if (n.is("using_statement")) {
          statements(n.field("body"), out, conditional);
        }
      }
      case "return_statement", "yield_statement" -> {
        SyntaxNode v = n.firstNamed();
        out.add(new Stmt.Return(v == null ? literal(n, "") : expr(v), conditional, n.line()));
      }
      case "foreach_statement" -> {
        SyntaxNode left = n.field("left");
        if (left != null) {
          out.add(new Stmt.Assign(expr(left), new Expr.Index(expr(n.field("right")), literal(n, "[]"), n.line()), true,
              n.line()));
        }
        statements(n.field("body"), out, true);
      }
      case "global_statement", "block", "compilation_unit", "namespace_declaration", "file_scoped_namespace_declaration",
          "declaration_list", "checked_statement", "unsafe_statement", "lock_statement", "fixed_statement" ->
          statements(n, out, conditional);
      case "using_directive", "comment", "attribute_list", "enum_declaration", "delegate_declaration",
          "break_statement", "continue_statement", "empty_statement", "extern_alias_directive", "goto_statement" -> { }
      case "local_function_statement", "method_declaration" -> define(method(n, "", List.of()));
      default -> {
        if (TYPES.contains(n.type())) {
          type(n, List.of());
        } else {
          otherStatement(n, out, conditional, BRANCHES);
        }
      }
    }
  }

  private void declarators(SyntaxNode declaration, List<Stmt> out, boolean conditional) {
    for (SyntaxNode v : declaration.namedChildren()) {
      if (!v.is("variable_declarator")) {
        continue;
      }
      SyntaxNode name = v.field("name");
      SyntaxNode value = null;
      for (SyntaxNode c : v.namedChildren()) {
        if (c != name) {
          value = c.is("equals_value_clause") ? c.firstNamed() : c;
        }
      }
      if (name != null && value != null) {
        out.add(new Stmt.Assign(name(name), expr(value), conditional, v.line()));
      }
    }
  }

  private void type(SyntaxNode n, List<String> outerMarks) {
    String owner = text(n.field("name"));
    var marks = new StringBuilder("class:").append(owner);
    n.children().stream().filter(c -> c.is("base_list") || c.is("attribute_list"))
        .forEach(c -> marks.append(' ').append(c.text()));
    SyntaxNode body = n.field("body");
    if (body == null) {
      return;
    }
    for (SyntaxNode m : body.namedChildren()) {
      if (m.is("method_declaration") || m.is("constructor_declaration")) {
        define(method(m, owner, List.of(marks.toString())));
      } else if (TYPES.contains(m.type())) {
        type(m, outerMarks);
      }
    }
  }

  private Function method(SyntaxNode n, String owner, List<String> classMarks) {
    var decos = new ArrayList<String>();
    var modifiers = new StringBuilder("member:");
    for (SyntaxNode c : n.children()) {
      if (c.is("attribute_list")) {
        decos.add(c.text());
      } else if (c.is("modifier")) {
        modifiers.append(' ').append(c.text());
      }
    }
    classMarks.forEach(m -> modifiers.append(' ').append(m));
    decos.add(modifiers.toString());
    SyntaxNode b = n.field("body");
    var body = functionBody(b != null && b.is("arrow_expression_clause") ? b.firstNamed() : b, "block");
    return new Function(text(n.field("name")), owner, params(n.field("parameters")), body, decos, n.line(), false);
  }

  private List<Function.Param> params(SyntaxNode list) {
    var params = new ArrayList<Function.Param>();
    if (list == null) {
      return params;
    }
    if (list.is("identifier")) {
      params.add(new Function.Param(list.text(), "", List.of(), false));
      return params;
    }
    for (SyntaxNode p : list.namedChildren()) {
      SyntaxNode name = p.field("name");
      if (name != null) {
        var attrs = p.children().stream().filter(c -> c.is("attribute_list")).map(SyntaxNode::text).toList();
        params.add(new Function.Param(name.text(), text(p.field("type")), attrs, false));
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
      case "identifier", "this_expression", "base_expression", "this", "base" -> name(n);
      case "generic_name" -> {
        SyntaxNode id = n.firstNamed();
        yield new Expr.Name(id == null ? n.text() : id.text(), n.line());
      }
      case "qualified_name" -> new Expr.Member(expr(n.field("qualifier")), simpleName(n.field("name")), n.line());
      case "member_access_expression" -> new Expr.Member(expr(n.field("expression")), simpleName(n.field("name")),
          n.line());
      case "conditional_access_expression" -> compose(n, false);
      case "element_access_expression" -> {
        SyntaxNode sub = n.field("subscript");
        SyntaxNode first = sub == null ? null : sub.firstNamed();
        SyntaxNode key = first != null && first.is("argument") ? first.firstNamed() : first;
        Expr k = key != null && key.is("string_literal") ? literal(key, unquote(key.text())) : expr(key);
        yield new Expr.Index(expr(n.field("expression")), k, n.line());
      }
      case "invocation_expression" -> invocation(n);
      case "object_creation_expression", "implicit_object_creation_expression" -> creation(n);
      case "string_literal", "verbatim_string_literal", "raw_string_literal", "character_literal" ->
          literal(n, unquote(n.text().replaceFirst("^@", "")));
      case "interpolated_string_expression" -> {
        var parts = new ArrayList<Expr>();
        n.namedChildren().stream().filter(c -> c.is("interpolation")).forEach(c -> parts.add(compose(c, false)));
        yield parts.isEmpty() ? literal(n, n.text()) : new Expr.Compose(parts, true, n.line());
      }
      case "integer_literal", "real_literal", "boolean_literal", "null_literal", "default_expression",
          "typeof_expression", "sizeof_expression", "nameof_expression" -> literal(n, n.text());
      case "binary_expression" -> {
        for (String op : CLEAN_OPERATORS) {
          if (n.hasToken(op)) {
            yield literal(n, "");
          }
        }
        yield compose(n.line(), n.hasToken("+"), expr(n.field("left")), expr(n.field("right")));
      }
      case "prefix_unary_expression", "postfix_unary_expression", "is_pattern_expression" -> literal(n, "");
      case "conditional_expression" -> compose(n.line(), false, expr(n.field("consequence")),
          expr(n.field("alternative")));
      case "cast_expression" -> expr(n.field("value"));
      case "lambda_expression", "anonymous_method_expression" -> new Expr.Lambda(lambda(lambdaFunction(n, List.of())),
          n.line());
      case "assignment_expression" -> expr(n.field("right"));
      case "parenthesized_expression", "await_expression", "checked_expression", "argument",
          "equals_value_clause" -> compose(n, false);
      default -> compose(n, false);
    };
  }

  private static String simpleName(SyntaxNode n) {
    if (n == null) {
      return "";
    }
    if (n.is("generic_name") && n.firstNamed() != null) {
      return n.firstNamed().text();
    }
    return n.text();
  }

  private Function lambdaFunction(SyntaxNode n, List<String> decos) {
    var body = functionBody(n.field("body"), "block");
    return new Function("", "", params(n.field("parameters")), body, decos, n.line(), false);
  }

  private Expr invocation(SyntaxNode n) {
    Expr callee = expr(n.field("function"));
    String method = callee instanceof Expr.Member m ? m.name() : callee instanceof Expr.Name nm ? nm.name() : "";
    boolean route = method.matches("Map(?:Get|Post|Put|Delete|Patch|Methods)?");
    var args = new ArrayList<Expr.Arg>();
    SyntaxNode list = n.field("arguments");
    if (list != null) {
      for (SyntaxNode a : list.namedChildren()) {
        SyntaxNode v = a.is("argument") ? a.namedChildren().get(a.namedChildren().size() - 1) : a;
        SyntaxNode kw = a.is("argument") ? a.field("name") : null;
        Expr value = route && v.is("lambda_expression")
            ? new Expr.Lambda(lambda(lambdaFunction(v, List.of("route:" + method))), v.line()) : expr(v);
        args.add(new Expr.Arg(kw == null ? null : kw.text(), value));
      }
    }
    return new Expr.Call(callee, args, argsText(list), n.line());
  }

  private Expr creation(SyntaxNode n) {
    SyntaxNode type = n.field("type");
    var args = new ArrayList<Expr.Arg>();
    SyntaxNode list = n.field("arguments");
    if (list != null) {
      for (SyntaxNode a : list.namedChildren()) {
        args.add(new Expr.Arg(null, expr(a)));
      }
    }
    SyntaxNode init = n.field("initializer");
    if (init != null) {
      for (SyntaxNode a : init.namedChildren()) {
        if (a.is("assignment_expression")) {
          args.add(new Expr.Arg(text(a.field("left")), expr(a.field("right"))));
        } else {
          args.add(new Expr.Arg(null, expr(a)));
        }
      }
    }
    String text = (list == null ? "" : argsText(list)) + (init == null ? "" : argsText(init));
    Expr callee = type == null ? new Expr.Name("new", n.line()) : expr(type);
    return new Expr.Call(callee, args, text, n.line());
  }
}
