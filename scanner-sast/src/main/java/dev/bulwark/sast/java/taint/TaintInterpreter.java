package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.List;

/**
 * Walks a method body statement by statement (flow-sensitive, intraprocedural): branches are
 * analysed separately and joined, a branch whose condition is a compile-time constant that rules
 * it out is dead, loops run until their state no longer grows (two rounds suffice for taint).
 */
final class TaintInterpreter {
  private final Frame f;
  private final ExpressionTaint ex;

  TaintInterpreter(Frame frame) {
    this.f = frame;
    this.ex = new ExpressionTaint(frame);
  }

  void run(BlockStmt body) {
    exec(body);
  }

  void exec(Statement s) {
    if (f.state.dead) {
      return;
    }
    if (s instanceof BlockStmt b) {
      b.getStatements().forEach(this::exec);
    } else if (s instanceof ExpressionStmt e) {
      ex.eval(e.getExpression());
    } else if (s instanceof IfStmt i) {
      Object c = ex.eval(i.getCondition()).constant();
      if (c instanceof Boolean b) {
        if (b) {
          exec(i.getThenStmt());
        } else {
          i.getElseStmt().ifPresent(this::exec);
        }
        return;
      }
      State before = f.state;
      var guards = Guard.of(i.getCondition(), before);
      f.state = before.copy();
      guards.forEach(g -> g.apply(f.state, Guard.Branch.THEN, f.file));
      exec(i.getThenStmt());
      State then = f.state;
      f.state = before.copy();
      guards.forEach(g -> g.apply(f.state, Guard.Branch.ELSE, f.file));
      i.getElseStmt().ifPresent(this::exec);
      f.state = State.join(then, f.state);
    } else if (s instanceof WhileStmt w) {
      if (!Boolean.FALSE.equals(ex.eval(w.getCondition()).constant())) {
        loop(w.getBody(), () -> ex.eval(w.getCondition()));
      }
    } else if (s instanceof DoStmt d) {
      loop(d.getBody(), () -> ex.eval(d.getCondition()));
    } else if (s instanceof ForStmt fs) {
      fs.getInitialization().forEach(ex::eval);
      loop(fs.getBody(), () -> {
        fs.getCompare().ifPresent(ex::eval);
        fs.getUpdate().forEach(ex::eval);
      });
    } else if (s instanceof ForEachStmt fe) {
      Val items = ex.eval(fe.getIterable());
      String var = fe.getVariable().getVariables().get(0).getNameAsString();
      loop(fe.getBody(), () -> f.state.set(var, items.taintOnly()), true);
    } else if (s instanceof SwitchStmt sw) {
      switchStmt(sw);
    } else if (s instanceof TryStmt t) {
      tryStmt(t);
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(e -> f.returned = f.returned.or(ex.eval(e)));
      f.state.dead = true;
    } else if (s instanceof ThrowStmt t) {
      ex.eval(t.getExpression());
      f.state.dead = true;
    } else if (s instanceof BreakStmt || s instanceof ContinueStmt) {
      f.exitLoop(f.state);
      f.state.dead = true;
    } else if (s instanceof LabeledStmt l) {
      exec(l.getStatement());
    } else if (s instanceof SynchronizedStmt sy) {
      ex.eval(sy.getExpression());
      exec(sy.getBody());
    } else if (s instanceof ExplicitConstructorInvocationStmt c) {
      c.getArguments().forEach(ex::eval);
    } else if (s instanceof YieldStmt y) {
      Val v = ex.eval(y.getExpression());
      if (!f.yields.isEmpty()) {
        f.yields.peek().add(v);
      }
      f.state.dead = true;
    } else if (s instanceof AssertStmt a) {
      ex.eval(a.getCheck());
    }
  }

  private void loop(Statement body, Runnable head) {
    loop(body, head, false);
  }

  /** Runs the body twice from the join of the entry and the previous round; exits join in. */
  private void loop(Statement body, Runnable head, boolean headFirst) {
    var exits = f.pushExits();
    State entry = f.state.copy();
    for (int round = 0; round < 2; round++) {
      if (headFirst) {
        head.run();
      }
      exec(body);
      f.state.dead = false;
      if (!headFirst) {
        head.run();
      }
      f.state = State.join(entry, f.state);
      entry = f.state.copy();
    }
    f.exits.pop();
    for (State exit : exits) {
      exit.dead = false;
      f.state = State.join(f.state, exit);
    }
  }

  private void switchStmt(SwitchStmt sw) {
    Val value = ex.eval(sw.getSelector());
    runSwitch(value, sw.getEntries());
  }

  /**
   * The value of a switch expression: the join of what its entries yield ({@code case X -> e}
   * yields e). Pattern labels bind their variables to the selector's data.
   */
  Val switchValue(SwitchExpr sw) {
    Val value = ex.eval(sw.getSelector());
    var yielded = new java.util.ArrayList<Val>();
    f.yields.push(yielded);
    State before = f.state;
    try {
      runSwitch(value, sw.getEntries());
    } finally {
      f.yields.pop();
    }
    if (f.state.dead && !yielded.isEmpty()) {
      f.state = State.join(before, before);
    }
    return yielded.stream().reduce(Val.CLEAN, Val::join);
  }

  private void runSwitch(Val value, List<SwitchEntry> entries) {
    Object selector = value.constant();
    State before = f.state;
    var exits = f.pushExits();
    State after = null;
    boolean hasDefault = entries.stream().anyMatch(e -> e.getLabels().isEmpty());
    for (int i = 0; i < entries.size(); i++) {
      if (selector != null && !matches(entries, i, selector)) {
        continue;
      }
      f.state = before.copy();
      for (Expression label : entries.get(i).getLabels()) {
        label.findAll(TypePatternExpr.class).forEach(t -> f.state.set(t.getNameAsString(), value.taintOnly()));
      }
      runFrom(entries, i);
      after = after == null ? f.state : State.join(after, f.state);
      if (selector != null) {
        break;
      }
    }
    f.exits.pop();
    State result = after == null || (selector == null && !hasDefault) ? join(after, before.copy()) : after;
    for (State exit : exits) {
      exit.dead = false;
      result = State.join(result, exit);
    }
    f.state = result;
  }

  private static State join(State a, State b) {
    return a == null ? b : State.join(a, b);
  }

  /** True when entry i is where a switch on this constant starts (a matching label, else default). */
  private boolean matches(List<SwitchEntry> entries, int i, Object selector) {
    boolean anyLabel = entries.stream().anyMatch(e -> e.getLabels().stream()
        .anyMatch(l -> Constants.same(ex.eval(l).constant(), selector)));
    var labels = entries.get(i).getLabels();
    if (labels.isEmpty()) {
      return !anyLabel;
    }
    return labels.stream().anyMatch(l -> Constants.same(ex.eval(l).constant(), selector));
  }

  private void runFrom(List<SwitchEntry> entries, int i) {
    for (int j = i; j < entries.size() && !f.state.dead; j++) {
      var entry = entries.get(j);
      if (entry.getType() == SwitchEntry.Type.EXPRESSION && !f.yields.isEmpty()
          && entry.getStatements().size() == 1 && entry.getStatement(0) instanceof ExpressionStmt e) {
        f.yields.peek().add(ex.eval(e.getExpression()));
        f.state.dead = true;
        break;
      }
      entry.getStatements().forEach(this::exec);
      if (entries.get(j).getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        break;
      }
    }
  }

  private void tryStmt(TryStmt t) {
    t.getResources().forEach(ex::eval);
    State before = f.state.copy();
    exec(t.getTryBlock());
    State result = f.state;
    for (CatchClause c : t.getCatchClauses()) {
      f.state = State.join(before, result);
      f.state.dead = false;
      f.state.set(c.getParameter().getNameAsString(), Val.CLEAN);
      exec(c.getBody());
      result = State.join(result, f.state);
    }
    f.state = result;
    if (t.getFinallyBlock().isPresent()) {
      boolean dead = f.state.dead;
      f.state.dead = false;
      exec(t.getFinallyBlock().get());
      f.state.dead = dead || f.state.dead;
    }
  }
}
