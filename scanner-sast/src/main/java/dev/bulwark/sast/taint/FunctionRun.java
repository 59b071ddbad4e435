package dev.bulwark.sast.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One analysis of one function body. Statements are evaluated in order, twice (so that a value
 * assigned late in a loop reaches a sink early in it); an unconditional assignment to a variable
 * replaces its taint, a conditional one adds to it. In {@link Mode#ROOT} findings are reported;
 * in {@link Mode#SUMMARY} parameters carry {@link Label.Kind#PARAM} labels and what reaches the
 * return value and the sinks is recorded instead.
 */
final class FunctionRun {
  enum Mode { ROOT, SUMMARY }

  private static final int MAX_EVAL_DEPTH = 200;
  private static final Set<String> NUMERIC_MEMBERS = Set.of("length", "size", "Length", "Count", "count");

  private final TaintEngine engine;
  private final Module module;
  private final Function function;
  private final Mode mode;
  private final FunctionRun outer;
  private final Map<String, Taint> vars = new HashMap<>();
  private final Set<String> requestNames;
  private final SinkChecks sinks;
  Taint returns = Taint.NONE;
  final List<Summary.SinkHit> hits = new ArrayList<>();
  private int depth;
  /** The current pass; nested lambdas are analysed in the last one only, so nesting costs no more than twice. */
  private int pass;

  FunctionRun(TaintEngine engine, Module module, Function function, Mode mode, FunctionRun outer) {
    this.engine = engine;
    this.module = module;
    this.function = function;
    this.mode = mode;
    this.outer = outer;
    this.requestNames = new HashSet<>(outer == null ? engine.model.requestNames() : outer.requestNames);
    this.sinks = new SinkChecks(engine, module, this);
    var params = function.params();
    for (int i = 0; i < params.size(); i++) {
      var p = params.get(i);
      if (engine.model.requestTypes() != null && !p.type().isEmpty()
          && engine.model.requestTypes().matcher(p.type()).find()) {
        requestNames.add(p.name());
      }
      Taint t = Taint.NONE;
      if (mode == Mode.SUMMARY && outer == null) {
        t = Taint.of(Label.param(i));
      } else if (function.entry() && p.source()) {
        t = Taint.of(Label.source(Label.Kind.REMOTE, "request parameter '" + p.name() + "'", function.line()));
      }
      vars.put(p.name(), t); // shadows an outer variable of the same name
    }
  }

  boolean summarising() {
    return mode == Mode.SUMMARY;
  }

  Function function() {
    return function;
  }

  void run() {
    for (pass = 0; pass < 2; pass++) {
      for (Stmt s : function.body()) {
        exec(s);
      }
    }
  }

  private void exec(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      Taint t = eval(a.value());
      sinks.assignment(a, t);
      assign(a.target(), t, !a.conditional());
    } else if (s instanceof Stmt.Run r) {
      eval(r.expr());
    } else if (s instanceof Stmt.Return r) {
      Taint t = eval(r.value());
      returns = returns.union(t);
      if (function.entry()) {
        sinks.entryReturn(r, t);
      }
    }
  }

  // ---- variables -------------------------------------------------------------------------

  private void assign(Expr target, Taint t, boolean strong) {
    String key = key(target);
    if (key == null) {
      return;
    }
    FunctionRun owner = this;
    for (FunctionRun r = this; r != null; r = r.outer) {
      if (r.vars.containsKey(key)) {
        owner = r;
        break;
      }
    }
    Taint before = owner.vars.get(key);
    owner.vars.put(key, strong || before == null ? t : before.union(t));
    int dot = key.indexOf('.');
    if (dot > 0 && !t.isEmpty()) { // a tainted field taints (weakly) the object holding it
      String base = key.substring(0, dot);
      Taint b = lookup(base);
      assignRaw(base, b == null ? t : b.union(t));
    }
  }

  private void assignRaw(String key, Taint t) {
    for (FunctionRun r = this; r != null; r = r.outer) {
      if (r.vars.containsKey(key)) {
        r.vars.put(key, t);
        return;
      }
    }
    vars.put(key, t);
  }

  private Taint lookup(String key) {
    for (FunctionRun r = this; r != null; r = r.outer) {
      Taint t = r.vars.get(key);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String key(Expr target) {
    var path = AccessPath.of(target);
    if (path == null || path.stream().anyMatch(s -> s.endsWith("()") || s.equals("[]"))) {
      return path == null || path.isEmpty() ? null : path.get(0).endsWith("()") ? null : path.get(0);
    }
    return String.join(".", path);
  }

  // ---- expressions -----------------------------------------------------------------------

  Taint eval(Expr e) {
    if (e == null || depth > MAX_EVAL_DEPTH) {
      return Taint.NONE;
    }
    depth++;
    try {
      return evalInner(e);
    } finally {
      depth--;
    }
  }

  private Taint evalInner(Expr e) {
    if (e instanceof Expr.Literal) {
      return Taint.NONE;
    }
    if (e instanceof Expr.Name n) {
      Taint t = lookup(n.name());
      Taint s = source(e);
      return t == null ? s : t.union(s);
    }
    if (e instanceof Expr.Member m) {
      return access(e, m.target());
    }
    if (e instanceof Expr.Index i) {
      return access(e, i.target());
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    if (e instanceof Expr.Compose c) {
      Taint t = Taint.NONE;
      for (Expr p : c.parts()) {
        t = t.union(eval(p));
      }
      return t;
    }
    if (e instanceof Expr.Entries en) {
      Taint t = Taint.NONE;
      for (Expr.Entry x : en.entries()) {
        t = t.union(eval(x.value()));
      }
      return t;
    }
    if (e instanceof Expr.Lambda l) {
      if (pass == 0) {
        return Taint.NONE;
      }
      var inner = new FunctionRun(engine, module, l.function(), mode, this);
      inner.run();
      hits.addAll(inner.hits);
      return Taint.NONE;
    }
    return Taint.NONE;
  }

  private Taint access(Expr e, Expr target) {
    if (e instanceof Expr.Member m && NUMERIC_MEMBERS.contains(m.name())) {
      eval(target); // for the sinks it may contain
      return Taint.NONE; // a length or count is a number, whatever it measures
    }
    Taint s = source(e);
    String key = key(e);
    Taint own = key != null && key.contains(".") ? lookup(key) : null;
    return s.union(own != null ? own : eval(target));
  }

  /** The source label when this access path is a source of the language model. */
  Taint source(Expr e) {
    List<String> path = AccessPath.of(e);
    if (path == null) {
      return Taint.NONE;
    }
    Taint t = matchSource(path, e.line());
    if (t.isEmpty()) {
      var canonical = AccessPath.canonicalSegments(path, module.imports());
      if (canonical != path) {
        t = matchSource(canonical, e.line());
      }
    }
    return t;
  }

  private Taint matchSource(List<String> path, int line) {
    for (SourcePattern p : engine.sourcesEndingWith(path.get(path.size() - 1))) {
      if (p.matches(path, requestNames)) {
        return Taint.of(Label.source(p.kind(), String.join(".", path), line));
      }
    }
    return Taint.NONE;
  }

  private Taint call(Expr.Call c) {
    List<String> path = AccessPath.of(c.callee());
    // a method of a value that is no name chain ("a".html_safe, f().query) is written "?.method"
    String canonical = path == null && c.callee() instanceof Expr.Member m ? "?." + m.name()
        : AccessPath.canonical(path, module.imports());
    Taint receiver = c.callee() instanceof Expr.Member m ? eval(m.target())
        : c.callee() instanceof Expr.Name ? Taint.NONE : eval(c.callee());
    var args = new ArrayList<Taint>(c.args().size());
    Taint all = receiver;
    for (Expr.Arg a : c.args()) {
      Taint t = eval(a.value());
      args.add(t);
      all = all.union(t);
    }
    Taint src = source(c);
    sinks.call(c, canonical, receiver, args);
    String raw = path == null ? "" : String.join(".", path);
    for (LanguageModel.Sanitizer s : engine.model.sanitizers()) {
      if (s.callee().matcher(canonical).find() || !raw.equals(canonical) && s.callee().matcher(raw).find()) {
        return s.classes() == SinkClass.ALL ? src : all.cleanse(s.classes()).union(src);
      }
    }
    if (engine.model.lookups() != null && c.callee() instanceof Expr.Member
        && engine.model.lookups().matcher(canonical).find()) {
      return receiver.union(src); // an allow-list lookup: the value comes from the map, not from the key
    }
    TaintEngine.Target target = path == null ? null : engine.resolver.resolve(module, c, path);
    Summary summary = target == null ? null : engine.summary(target);
    if (summary == null) {
      boolean objectMethod = c.callee() instanceof Expr.Member m && m.target() instanceof Expr.Name n
          && n.name().startsWith("$") && !n.name().equals("$this");
      return engine.model.cleanMethodResults() && objectMethod && receiver.isEmpty() ? src : all.union(src);
    }
    return apply(summary, target, c, args).union(src);
  }

  /** The call's result through the callee's summary; the callee's sinks are checked with these arguments. */
  private Taint apply(Summary summary, TaintEngine.Target target, Expr.Call c, List<Taint> args) {
    var byParam = bind(target.function(), c, args);
    Taint out = Taint.NONE;
    for (Label l : summary.returns().labels()) {
      if (l.kind() == Label.Kind.PARAM) {
        out = out.union(byParam.getOrDefault(l.param(), Taint.NONE).cleanse(l.cleansed()));
      } else {
        out = out.union(Taint.of(l));
      }
    }
    for (Summary.SinkHit h : summary.sinks()) {
      Taint arg = byParam.getOrDefault(h.param(), Taint.NONE).cleanse(h.cleansed());
      for (Label l : arg.labels()) {
        if (h.rule().counts(l)) {
          reach(h.rule(), h.module(), h.line(), l);
        }
      }
    }
    return out;
  }

  /** Argument taint by parameter index: positional arguments in order, keyword ones by name. */
  private static Map<Integer, Taint> bind(Function callee, Expr.Call c, List<Taint> args) {
    var out = new HashMap<Integer, Taint>();
    int pos = 0;
    for (int i = 0; i < c.args().size(); i++) {
      String kw = c.args().get(i).keyword();
      int index = -1;
      if (kw == null) {
        index = pos++;
      } else {
        for (int p = 0; p < callee.params().size(); p++) {
          if (callee.params().get(p).name().equals(kw)) {
            index = p;
          }
        }
      }
      if (index >= 0) {
        out.merge(index, args.get(i), Taint::union);
      }
    }
    return out;
  }

  /** A label reached a sink: a source is a finding, a parameter becomes part of this function's summary. */
  void reach(TaintRule rule, Module sinkModule, int line, Label l) {
    if (l.kind() == Label.Kind.PARAM) {
      if (mode == Mode.SUMMARY) {
        hits.add(new Summary.SinkHit(l.param(), l.cleansed(), rule, sinkModule, line));
      }
    } else {
      engine.report(rule, sinkModule, line, l);
    }
  }
}
