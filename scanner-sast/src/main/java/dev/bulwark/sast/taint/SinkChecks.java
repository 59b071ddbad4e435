package dev.bulwark.sast.taint;

import java.util.ArrayList;
import java.util.List;

/** Checks the rules of a module at calls, assignments and entry-point returns. */
final class SinkChecks {
  private final TaintEngine engine;
  private final Module module;
  private final FunctionRun run;

  SinkChecks(TaintEngine engine, Module module, FunctionRun run) {
    this.engine = engine;
    this.module = module;
    this.run = run;
  }

  void call(Expr.Call c, String canonical, Taint receiver, List<Taint> args) {
    for (TaintRule rule : engine.rules(module)) {
      if (rule.callee() == null || !rule.callee().matcher(canonical).find()
          || rule.argsMatch() != null && !rule.argsMatch().matcher(c.argsText()).find()
          || rule.argsNotMatch() != null && rule.argsNotMatch().matcher(c.argsText()).find()) {
        continue;
      }
      var selected = select(rule.select(), c, receiver, args);
      check(rule, c.line(), selected.taint, selected.values);
    }
  }

  void assignment(Stmt.Assign a, Taint value) {
    List<String> path = AccessPath.of(a.target());
    if (path == null) {
      return;
    }
    String canonical = AccessPath.canonical(path, module.imports());
    for (TaintRule rule : engine.rules(module)) {
      // for an assignment, argsMatch is a condition on the assigned constant ("False", "TypeNameHandling.All")
      String constant = a.value() instanceof Expr.Literal l ? l.value()
          : a.value() instanceof Expr.Member && AccessPath.of(a.value()) != null ? String.join(".", AccessPath.of(a.value()))
          : null;
      boolean valueOk = rule.argsMatch() == null || constant != null && rule.argsMatch().matcher(constant).find();
      if (rule.assign() != null && valueOk && rule.assign().matcher(canonical).find()) {
        check(rule, a.line(), value, List.of(a.value()));
      }
    }
  }

  void entryReturn(Stmt.Return r, Taint value) {
    if (r.value() instanceof Expr.Entries || r.value() instanceof Expr.Call) {
      return; // a dictionary becomes JSON; a call returns a response object (redirect, render, send_file)
    }
    for (TaintRule rule : engine.rules(module)) {
      if (rule.returnFromEntry()) {
        check(rule, r.line(), value, List.of(r.value()));
      }
    }
  }

  private void check(TaintRule rule, int line, Taint taint, List<Expr> values) {
    boolean reported = false;
    for (Label l : taint.labels()) {
      if (rule.counts(l) && (l.kind() != Label.Kind.PARAM || rule.require() == TaintRule.Require.TAINT)) {
        run.reach(rule, module, line, l);
        reported |= l.kind() != Label.Kind.PARAM;
      }
    }
    if (reported || run.summarising()) {
      return;
    }
    if (rule.require() == TaintRule.Require.NONE
        || rule.require() == TaintRule.Require.NON_CONSTANT && values.stream().anyMatch(SinkChecks::builtAtRunTime)) {
      engine.report(rule, module, line, null);
    }
  }

  /** True when the value is not a constant (a variable, a call, or a string with such parts). */
  static boolean builtAtRunTime(Expr e) {
    if (e == null || e instanceof Expr.Literal || e instanceof Expr.Lambda) {
      return false;
    }
    if (e instanceof Expr.Compose c) {
      return c.parts().stream().anyMatch(SinkChecks::builtAtRunTime);
    }
    if (e instanceof Expr.Entries en) {
      return en.entries().stream().anyMatch(x -> builtAtRunTime(x.value()));
    }
    return true;
  }

  private record Selected(Taint taint, List<Expr> values) {}

  private Selected select(TaintRule.Selector s, Expr.Call c, Taint receiver, List<Taint> args) {
    Taint t = Taint.NONE;
    var values = new ArrayList<Expr>();
    if (s.receiver() && c.callee() instanceof Expr.Member m) {
      t = t.union(receiver);
      values.add(m.target());
    }
    int pos = 0;
    for (int i = 0; i < c.args().size(); i++) {
      Expr.Arg a = c.args().get(i);
      boolean take = s.all() || a.keyword() == null && s.positions().contains(pos)
          || a.keyword() != null && s.keywords().contains(a.keyword());
      if (a.keyword() == null) {
        pos++;
      }
      if (take) {
        t = t.union(args.get(i));
        values.add(a.value());
      }
      if (!s.keys().isEmpty() && a.value() instanceof Expr.Entries en) {
        for (Expr.Entry x : en.entries()) {
          if (x.key() != null && s.keys().contains(x.key())) {
            t = t.union(run.eval(x.value()));
            values.add(x.value());
          }
        }
      }
    }
    return new Selected(t, values);
  }
}
