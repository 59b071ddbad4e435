package dev.bulwark.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Just enough typing for a single file without a classpath: the simple type name of variables
 * (from declarations, preferring what the initializer really creates) and of the few library
 * calls whose result type matters to the rules ({@code response.getWriter()} → a writer to the
 * HTTP response, {@code conn.createStatement()} → Statement, ...).
 */
final class JavaTypes {
  static final String RESPONSE_WRITER = "<ResponseWriter>";
  static final Set<String> REQUEST = Set.of("HttpServletRequest", "ServletRequest", "HttpServletRequestWrapper",
      "MultipartHttpServletRequest", "MultipartRequest");
  static final Set<String> RESPONSE = Set.of("HttpServletResponse", "ServletResponse", "HttpServletResponseWrapper");
  private static final Map<String, String> RESULT_TYPES = Map.ofEntries(
      Map.entry("getSession", "HttpSession"), Map.entry("getRuntime", "Runtime"),
      Map.entry("newXPath", "XPath"), Map.entry("getConnection", "Connection"),
      Map.entry("getSqlConnection", "Connection"), Map.entry("createStatement", "Statement"),
      Map.entry("getSqlStatement", "Statement"), Map.entry("prepareStatement", "PreparedStatement"),
      Map.entry("prepareCall", "CallableStatement"), Map.entry("getDirContext", "DirContext"),
      Map.entry("current", "ThreadLocalRandom"), Map.entry("getCookies", "Cookie[]"));

  private final Map<String, String> vars = new HashMap<>();

  /** The types of a file's fields. */
  static JavaTypes ofFields(CompilationUnit cu) {
    var t = new JavaTypes();
    for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
      for (VariableDeclarator v : f.getVariables()) {
        t.declare(v);
      }
    }
    return t;
  }

  /** A scope for one method, seeing the fields. */
  JavaTypes child() {
    var t = new JavaTypes();
    t.vars.putAll(vars);
    return t;
  }

  void declare(Parameter p) {
    vars.put(p.getNameAsString(), simple(p.getType()));
  }

  void declare(VariableDeclarator v) {
    String declared = simple(v.getType());
    String actual = v.getInitializer().map(this::typeOf).orElse(null);
    vars.put(v.getNameAsString(), actual != null ? actual : declared);
  }

  void declare(String name, String type) {
    vars.put(name, type);
  }

  /** Declares every local variable in the node (typing is flow-insensitive). */
  void declareAll(Node body) {
    body.findAll(VariableDeclarator.class).forEach(this::declare);
    body.findAll(Parameter.class).forEach(this::declare);
  }

  /** Simple type name of the expression, or null when unknown. */
  String typeOf(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return typeOf(en.getInner());
    }
    if (e instanceof CastExpr c) {
      return simple(c.getType());
    }
    if (e instanceof NameExpr n) {
      return vars.get(n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      return vars.get(f.getNameAsString());
    }
    if (e instanceof ObjectCreationExpr o) {
      return simple(o.getType());
    }
    if (e instanceof MethodCallExpr m) {
      String name = m.getNameAsString();
      String scope = m.getScope().map(this::typeOf).orElse(null);
      String scopeText = m.getScope().map(Node::toString).orElse("");
      if ((name.equals("getWriter") || name.equals("getOutputStream")) && isResponse(m.getScope().orElse(null))) {
        return RESPONSE_WRITER;
      }
      if (name.equals("getInstance") || name.equals("getInstanceStrong")) {
        return lastSegment(scope != null ? scope : scopeText);
      }
      return RESULT_TYPES.get(name);
    }
    return null;
  }

  boolean isRequest(Expression e) {
    if (e == null) {
      return false;
    }
    String t = typeOf(e);
    return t != null ? REQUEST.contains(t) || t.endsWith("Request") : Set.of("request", "req", "httpRequest", "servletRequest")
        .contains(e.toString());
  }

  boolean isResponse(Expression e) {
    if (e == null) {
      return false;
    }
    String t = typeOf(e);
    return t != null ? RESPONSE.contains(t) : Set.of("response", "resp", "res", "httpResponse").contains(e.toString());
  }

  static String simple(Type t) {
    String s = t.asString();
    int lt = s.indexOf('<');
    if (lt >= 0) {
      s = s.substring(0, lt) + s.substring(s.lastIndexOf('>') + 1);
    }
    return lastSegment(s);
  }

  static String lastSegment(String s) {
    return s.substring(s.lastIndexOf('.') + 1);
  }
}
