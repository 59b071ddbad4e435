package dev.bulwark.sast.java.types;

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
import dev.bulwark.sast.java.catalog.Role;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.syntax.Nodes;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough typing for a single file without a classpath: the simple type name of variables
 * (from declarations, preferring what the initializer really creates) and of the library calls
 * whose result type the catalogue names ({@code response.getWriter()} → a writer to the HTTP
 * response, {@code conn.createStatement()} → Statement, ...).
 */
public final class JavaTypes {
  private final TaintCatalog catalog;
  private final Role request;
  private final Role response;
  private final Map<String, String> vars = new HashMap<>();
  private final java.util.function.Function<String, String> localResults;

  private JavaTypes(TaintCatalog catalog, java.util.function.Function<String, String> localResults) {
    this.catalog = catalog;
    this.localResults = localResults;
    this.request = catalog.role("request");
    this.response = catalog.role("response");
  }

  /** The types of a file's fields. */
  public static JavaTypes ofFields(CompilationUnit cu, TaintCatalog catalog) {
    return ofFields(cu, catalog, name -> null);
  }

  /**
   * The types of a file's fields; {@code localResults} gives the type a method of the file returns
   * (by name, null when unknown), for calls without a receiver.
   */
  public static JavaTypes ofFields(CompilationUnit cu, TaintCatalog catalog,
      java.util.function.Function<String, String> localResults) {
    return ofFields(Nodes.findAll(cu, FieldDeclaration.class), catalog, localResults);
  }

  /** As {@link #ofFields(CompilationUnit, TaintCatalog, java.util.function.Function)}, given the file's fields in order. */
  public static JavaTypes ofFields(java.util.List<FieldDeclaration> fields, TaintCatalog catalog,
      java.util.function.Function<String, String> localResults) {
    var t = new JavaTypes(catalog, localResults);
    for (FieldDeclaration f : fields) {
      for (VariableDeclarator v : f.getVariables()) {
        t.declare(v);
      }
    }
    return t;
  }

  /** A scope for one method, seeing the fields. */
  public JavaTypes child() {
    var t = new JavaTypes(catalog, localResults);
    t.vars.putAll(vars);
    return t;
  }

  public void declare(Parameter p) {
    vars.put(p.getNameAsString(), simple(p.getType()));
  }

  public void declare(VariableDeclarator v) {
    String declared = simple(v.getType());
    String actual = v.getInitializer().map(this::typeOf).orElse(null);
    vars.put(v.getNameAsString(), actual != null ? actual : declared);
  }

  /** Declares every local variable in the node (typing is flow-insensitive). */
  public void declareAll(Node body) {
    Nodes.findAll(body, VariableDeclarator.class).forEach(this::declare);
    Nodes.findAll(body, Parameter.class).forEach(this::declare);
  }

  /** Simple type name of the expression, or null when unknown. */
  public String typeOf(Expression e) {
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
      if (name.equals("getInstance") || name.equals("getInstanceStrong")) {
        String scope = m.getScope().map(this::typeOf).orElse(null);
        return lastSegment(scope != null ? scope : m.getScope().map(Node::toString).orElse(""));
      }
      if (m.getScope().isEmpty() || m.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr) {
        String local = localResults.apply(name);
        if (local != null) {
          return local;
        }
      }
      for (var rt : catalog.resultTypes(name)) {
        if (rt.receiver() == null || m.getScope().filter(s -> plays(rt.receiver(), s)).isPresent()) {
          return rt.type();
        }
      }
    }
    return null;
  }

  public boolean isRequest(Expression e) {
    return e != null && plays(request, e);
  }

  public boolean isResponse(Expression e) {
    return e != null && plays(response, e);
  }

  private boolean plays(Role role, Expression e) {
    return role.matches(typeOf(e), e.toString());
  }

  public static String simple(Type t) {
    String s = t.asString();
    int lt = s.indexOf('<');
    if (lt >= 0) {
      s = s.substring(0, lt) + s.substring(s.lastIndexOf('>') + 1);
    }
    return lastSegment(s);
  }

  public static String lastSegment(String s) {
    return s.substring(s.lastIndexOf('.') + 1);
  }
}
