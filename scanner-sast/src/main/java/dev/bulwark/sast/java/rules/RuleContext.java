package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.java.catalog.TaintCatalog;
import dev.bulwark.sast.java.syntax.Nodes;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One file as the rules see it: its syntax tree walked once (calls, object creations, methods and
 * the few names rules ask for), the types of its variables per method, its constant fields, the
 * project's facts, and where findings go.
 */
public final class RuleContext {
  final CompilationUnit cu;
  final Project project;
  final RuleBook book;
  final List<MethodCallExpr> calls = new ArrayList<>();
  final List<ObjectCreationExpr> creations = new ArrayList<>();
  final List<MethodDeclaration> methods = new ArrayList<>();
  final List<SimpleName> names = new ArrayList<>();
  final Map<String, Object> fieldConstants = new HashMap<>();
  private final JavaTypes fieldTypes;
  private final Map<Node, JavaTypes> typesByCallable = new IdentityHashMap<>();
  private final BiConsumer<RuleInfo, Node> out;

  public RuleContext(CompilationUnit cu, Project project, TaintCatalog catalog, RuleBook book, Set<String> wantedNames,
      BiConsumer<RuleInfo, Node> out) {
    this.cu = cu;
    this.project = project;
    this.book = book;
    this.out = out;
    this.fieldTypes = JavaTypes.ofFields(cu, catalog);
    Nodes.walk(cu, node -> {
      if (node instanceof MethodCallExpr m) {
        calls.add(m);
      } else if (node instanceof ObjectCreationExpr o) {
        creations.add(o);
      } else if (node instanceof MethodDeclaration m) {
        methods.add(m);
      } else if (node instanceof SimpleName n && wantedNames.contains(n.getIdentifier())) {
        names.add(n);
      } else if (node instanceof FieldDeclaration f && f.isFinal()) {
        f.getVariables().forEach(v -> v.getInitializer().filter(StringLiteralExpr.class::isInstance)
            .ifPresent(i -> fieldConstants.put(v.getNameAsString(), ((StringLiteralExpr) i).asString())));
      }
    });
  }

  void report(RuleInfo rule, Node where) {
    out.accept(rule, where);
  }

  /** The types of variables as seen at {@code n} (fields and the enclosing method's locals). */
  JavaTypes typesAt(Node n) {
    var callable = enclosing(n);
    if (callable.isEmpty()) {
      return fieldTypes;
    }
    return typesByCallable.computeIfAbsent(callable.get(), c -> {
      var types = fieldTypes.child();
      types.declareAll(c);
      return types;
    });
  }

  @SuppressWarnings("rawtypes")
  static Optional<CallableDeclaration> enclosing(Node n) {
    return n.findAncestor(CallableDeclaration.class);
  }
}
