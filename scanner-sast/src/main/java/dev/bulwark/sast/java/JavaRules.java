package dev.bulwark.sast.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Confidence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Java rules that need no data flow: weak ciphers (broken, ECB, Triple DES, RSA without OAEP) and hashes (algorithm names resolved through
 * constants and project properties), predictable random numbers, cookies without Secure or
 * HttpOnly, XXE-prone parser factories, ObjectInputStream, trust-all TLS, hard-coded passwords.
 */
final class JavaRules {
  private static final Pattern WEAK_CIPHER = Pattern.compile(
      "^(DES|RC2|RC4|ARCFOUR|BLOWFISH)(/.*)?$|^(?!RSA|DESEDE|TRIPLEDES|3DES)[^/]+/ECB/|^AES$");
  private static final Pattern TRIPLE_DES = Pattern.compile("^(DESEDE|TRIPLEDES|3DES)(/.*)?$");
  private static final Pattern RSA_WITHOUT_OAEP = Pattern.compile("^RSA(/[^/]*/(NOPADDING|PKCS1PADDING))?$");
  private static final Set<String> WEAK_HASHES = Set.of("MD2", "MD4", "MD5", "SHA-1", "SHA1", "SHA");
  private static final Set<String> RANDOM_METHODS = Set.of("nextInt", "nextLong", "nextDouble", "nextFloat",
      "nextBoolean", "nextGaussian", "nextBytes", "ints", "longs", "doubles");
  private static final Pattern SECURITY_WORDS = Pattern.compile(
      "(?i)token|session|passw|secret|key|nonce|salt|cookie|otp|auth|csrf|remember|iv\\b|uuid");
  private static final Pattern XXE_HARDENING = Pattern.compile(
      "disallow-doctype-decl|external-general-entities|SUPPORT_DTD|supportDTD|ACCESS_EXTERNAL_DTD"
          + "|IS_SUPPORTING_EXTERNAL_ENTITIES|FEATURE_SECURE_PROCESSING|setExpandEntityReferences\\(false\\)");

  private final FileContext ctx;
  private final BiConsumer<RuleInfo, Node> out;
  private final boolean webOrSecurityCode;

  JavaRules(FileContext ctx, BiConsumer<RuleInfo, Node> out) {
    this.ctx = ctx;
    this.out = out;
    this.webOrSecurityCode = ctx.cu.getImports().stream().map(i -> i.getNameAsString())
        .anyMatch(n -> n.contains("servlet") || n.contains("security") || n.contains("springframework.web")
            || n.contains("crypto"))
        || ctx.cu.toString().contains("HttpServletRequest");
  }

  void check() {
    for (MethodCallExpr m : ctx.cu.findAll(MethodCallExpr.class)) {
      call(m);
    }
    for (ObjectCreationExpr o : ctx.cu.findAll(ObjectCreationExpr.class)) {
      String type = JavaTypes.simple(o.getType());
      if (type.equals("Cookie")) {
        cookie(o);
      } else if (type.equals("NoopHostnameVerifier")) {
        out.accept(JavaRuleInfo.TRUST_ALL, o);
      }
    }
    for (MethodDeclaration m : ctx.cu.findAll(MethodDeclaration.class)) {
      trustAll(m);
    }
    ctx.cu.findAll(SimpleName.class).stream().filter(n -> n.getIdentifier().equals("ALLOW_ALL_HOSTNAME_VERIFIER"))
        .forEach(n -> out.accept(JavaRuleInfo.TRUST_ALL, n));
  }

  private void call(MethodCallExpr m) {
    String name = m.getNameAsString();
    String scope = m.getScope().map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
    List<Expression> args = m.getArguments();
    if (name.equals("getInstance") && !args.isEmpty() && (scope.equals("Cipher") || scope.equals("MessageDigest"))) {
      boolean[] fallback = {false};
      resolve(args.get(0), m, 0, fallback).ifPresent(text -> {
        String alg = text.toUpperCase(Locale.ROOT);
        RuleInfo weak = scope.equals("Cipher") ? cipher(alg) : WEAK_HASHES.contains(alg) ? JavaRuleInfo.WEAK_HASH : null;
        if (weak != null) {
          // Read from configuration the project does not hold: only the fallback is known to be weak.
          out.accept(fallback[0] ? JavaRuleInfo.insecureDefault(weak, text) : weak, m);
        }
      });
    } else if (scope.equals("DigestUtils") && name.matches("(md2|md5|sha1|sha)(Hex)?|getMd5Digest|getSha1Digest")) {
      out.accept(JavaRuleInfo.WEAK_HASH, m);
    } else if (RANDOM_METHODS.contains(name) && m.getScope().isPresent() && isWeakRandom(m.getScope().get(), m)
        || name.equals("random") && scope.equals("Math")) {
      weakRandom(m);
    } else if (name.matches("newInstance|newFactory|newDefaultInstance|newDefaultFactory")
        && scope.matches("DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|SchemaFactory")) {
      Node where = enclosing(m).map(Node.class::cast).orElse(ctx.cu);
      if (!XXE_HARDENING.matcher(where.toString()).find()) {
        out.accept(JavaRuleInfo.XXE, m);
      }
    } else if ((name.equals("readObject") || name.equals("readUnshared")) && m.getScope().isPresent()
        && deserialises(m)) {
      out.accept(JavaRuleInfo.DESERIALIZATION, m);
    } else if (name.matches("set(Default)?HostnameVerifier") && args.size() == 1
        && args.get(0) instanceof LambdaExpr l && l.getExpressionBody().filter(BooleanLiteralExpr.class::isInstance)
        .map(b -> ((BooleanLiteralExpr) b).getValue()).orElse(false)) {
      out.accept(JavaRuleInfo.TRUST_ALL, m);
    } else if (name.equals("getConnection") && scope.equals("DriverManager") && args.size() == 3
        && resolve(args.get(2), m).filter(p -> !p.isBlank()).isPresent()) {
      out.accept(JavaRuleInfo.HARD_CODED_PASSWORD, m);
    }
  }

  /**
   * What is wrong with a cipher transformation, or null: broken ciphers and ECB are CWE-327,
   * Triple DES (sound but too weak today) CWE-326, RSA without OAEP CWE-780.
   */
  private static RuleInfo cipher(String transformation) {
    if (TRIPLE_DES.matcher(transformation).find()) {
      return JavaRuleInfo.LEGACY_CIPHER;
    }
    if (RSA_WITHOUT_OAEP.matcher(transformation).find()) {
      return JavaRuleInfo.RSA_WITHOUT_OAEP;
    }
    return WEAK_CIPHER.matcher(transformation).find() ? JavaRuleInfo.WEAK_CIPHER : null;
  }

  private boolean isWeakRandom(Expression scope, Node at) {
    String type = typesAt(at).typeOf(scope);
    if (!"Random".equals(type) && !"ThreadLocalRandom".equals(type)) {
      return false;
    }
    // A parameter declared as Random: what the file's callers really pass decides.
    return callerArgumentTypes(scope, at).map(types -> types.stream().anyMatch(t -> t == null
        || t.equals("Random") || t.equals("ThreadLocalRandom"))).orElse(true);
  }

  /**
   * When {@code scope} names a parameter of the enclosing method, the types of the arguments
   * every call of that method in this file passes for it (null where unknown); empty when it is
   * not a parameter or the method is not called in this file.
   */
  private Optional<List<String>> callerArgumentTypes(Expression scope, Node at) {
    if (!(scope instanceof NameExpr n)) {
      return Optional.empty();
    }
    var method = at.findAncestor(MethodDeclaration.class);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    var params = method.get().getParameters();
    int index = -1;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getNameAsString().equals(n.getNameAsString())) {
        index = i;
      }
    }
    if (index < 0) {
      return Optional.empty();
    }
    int position = index;
    var calls = ctx.cu.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals(method.get().getNameAsString()) && c.getArguments().size() == params.size())
        .filter(c -> c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)
        .toList();
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(calls.stream().map(c -> typesAt(c).typeOf(c.getArgument(position))).toList());
  }

  private void weakRandom(MethodCallExpr m) {
    Node stmt = m;
    while (stmt.getParentNode().isPresent() && !(stmt instanceof com.github.javaparser.ast.stmt.Statement)) {
      stmt = stmt.getParentNode().get();
    }
    boolean sensitive = SECURITY_WORDS.matcher(stmt.toString()).find();
    if (sensitive) {
      out.accept(withConfidence(JavaRuleInfo.WEAK_RANDOM, Confidence.CONFIDENCE_HIGH), m);
    } else if (webOrSecurityCode) {
      out.accept(JavaRuleInfo.WEAK_RANDOM, m);
    }
  }

  private boolean deserialises(MethodCallExpr m) {
    if (enclosing(m).filter(c -> c.getNameAsString().matches("readObject|readExternal|readResolve")).isPresent()) {
      return false; // custom serialisation of a class's own fields
    }
    String type = typesAt(m).typeOf(m.getScope().get());
    return "ObjectInputStream".equals(type) || "XMLDecoder".equals(type);
  }

  private void cookie(ObjectCreationExpr o) {
    Optional<String> var = o.getParentNode().flatMap(p -> p instanceof VariableDeclarator v ? Optional.of(v.getNameAsString())
        : p instanceof AssignExpr a && a.getTarget() instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty());
    Node where = enclosing(o).map(Node.class::cast).orElse(ctx.cu);
    if (!setsTrue(where, var, "setSecure")) {
      out.accept(JavaRuleInfo.COOKIE_NOT_SECURE, o);
    }
    if (!setsTrue(where, var, "setHttpOnly")) {
      out.accept(JavaRuleInfo.COOKIE_NO_HTTPONLY, o);
    }
  }

  /** True when {@code var.setter(x)} is called with anything but the literal false. */
  private static boolean setsTrue(Node where, Optional<String> var, String setter) {
    return var.isPresent() && where.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals(setter) && c.getArguments().size() == 1)
        .filter(c -> c.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals(var.get())).orElse(false))
        .anyMatch(c -> !(c.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue()));
  }

  private void trustAll(MethodDeclaration m) {
    var body = m.getBody();
    if (body.isEmpty()) {
      return;
    }
    if (m.getNameAsString().equals("checkServerTrusted") && body.get().getStatements().isEmpty()) {
      out.accept(JavaRuleInfo.TRUST_ALL, m.getName());
    } else if (m.getNameAsString().equals("verify") && m.getParameters().size() == 2
        && body.get().getStatements().size() == 1 && body.get().getStatement(0) instanceof ReturnStmt r
        && r.getExpression().filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent()) {
      out.accept(JavaRuleInfo.TRUST_ALL, m.getName());
    }
  }

  /** The string value of an expression when it is known: literals, constants, project properties. */
  Optional<String> resolve(Expression e, Node at) {
    return resolve(e, at, 0, new boolean[1]);
  }

  /**
   * As {@link #resolve(Expression, Node)}; {@code fallback[0]} becomes true when the value is the
   * default of a {@code getProperty(key, default)} whose key the project's properties lack.
   */
  private Optional<String> resolve(Expression e, Node at, int depth, boolean[] fallback) {
    if (depth > 5) {
      return Optional.empty();
    }
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(s.asString());
    } else if (e instanceof EnclosedExpr en) {
      return resolve(en.getInner(), at, depth + 1, fallback);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      var l = resolve(b.getLeft(), at, depth + 1, fallback);
      var r = resolve(b.getRight(), at, depth + 1, fallback);
      return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
    } else if (e instanceof MethodCallExpr m && m.getNameAsString().equals("getProperty") && !m.getArguments().isEmpty()) {
      var key = resolve(m.getArgument(0), at, depth + 1, fallback);
      var fromProject = key.flatMap(ctx.project::property);
      if (fromProject.isPresent() || m.getArguments().size() < 2) {
        return fromProject;
      }
      fallback[0] = true;
      return resolve(m.getArgument(1), at, depth + 1, fallback);
    } else if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      var local = enclosing(at).flatMap(c -> c.findAll(VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name)).findFirst());
      if (local.isPresent()) {
        return local.get().getInitializer().flatMap(i -> resolve(i, at, depth + 1, fallback));
      }
      return Optional.ofNullable((String) ctx.fieldConstants.get(name));
    }
    return Optional.empty();
  }

  private JavaTypes typesAt(Node n) {
    var types = ctx.fieldTypes.child();
    enclosing(n).ifPresent(types::declareAll);
    return types;
  }

  @SuppressWarnings("rawtypes")
  private static Optional<CallableDeclaration> enclosing(Node n) {
    return n.findAncestor(CallableDeclaration.class);
  }

  private static RuleInfo withConfidence(RuleInfo r, Confidence c) {
    return new RuleInfo(r.id(), r.title(), r.description(), r.severity(), r.cwe(), c, r.remediation());
  }
}
