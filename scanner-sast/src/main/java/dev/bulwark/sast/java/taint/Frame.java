package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.bulwark.sast.java.syntax.Nodes;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One activation of a method in the analysis: its state, its local types, what it returned. */
final class Frame {
  final FileTaint file;
  final JavaTypes types;
  final int depth;
  /** Names declared in the method (parameters and locals): they shadow the fields. */
  final Set<String> locals = new HashSet<>();
  State state = new State();
  Val returned = Val.CLEAN;
  /** States that left the innermost loop or switch through {@code break}/{@code continue}. */
  final Deque<List<State>> exits = new ArrayDeque<>();
  /** Values yielded by the innermost switch expression. */
  final Deque<List<Val>> yields = new ArrayDeque<>();

  private Frame(FileTaint file, JavaTypes types, int depth) {
    this.file = file;
    this.types = types;
    this.depth = depth;
  }

  /**
   * The frame of {@code m} called with {@code args}; {@code globals} are the caller's values of
   * static fields of other classes ({@code "Type.field"}), which the callee may read.
   */
  static Frame forMethod(FileTaint file, CallableDeclaration<?> m, List<Val> args, int depth, Map<String, Val> globals) {
    var types = file.fieldTypes.child();
    var frame = new Frame(file, types, depth);
    var declarators = new ArrayList<VariableDeclarator>();
    var parameters = new ArrayList<Parameter>();
    Nodes.walk(m, node -> {
      if (node instanceof VariableDeclarator v) {
        declarators.add(v);
      } else if (node instanceof Parameter p) {
        parameters.add(p);
      }
    });
    declarators.forEach(v -> frame.locals.add(v.getNameAsString()));
    parameters.forEach(p -> frame.locals.add(p.getNameAsString()));
    // Fields hold what any method of the file stored into them.
    file.fieldTaint.forEach((name, v) -> {
      if (!frame.locals.contains(name)) {
        frame.state.set(name, v);
      }
    });
    frame.state.vars.putAll(globals);
    var params = m.getParameters();
    for (int i = 0; i < params.size(); i++) {
      types.declare(params.get(i));
      frame.state.set(params.get(i).getNameAsString(), i < args.size() ? args.get(i) : Val.CLEAN);
    }
    declarators.forEach(types::declare);
    parameters.forEach(types::declare);
    return frame;
  }

  void exitLoop(State s) {
    if (!exits.isEmpty()) {
      exits.peek().add(s.copy());
    }
  }

  List<State> pushExits() {
    var l = new ArrayList<State>();
    exits.push(l);
    return l;
  }
}
