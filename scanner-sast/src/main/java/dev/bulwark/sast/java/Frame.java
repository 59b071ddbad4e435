package dev.bulwark.sast.java;

import com.github.javaparser.ast.body.CallableDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One activation of a method in the analysis: its state, its local types, what it returned. */
final class Frame {
  final FileContext file;
  final JavaTypes types;
  final int depth;
  State state = new State();
  Val returned = Val.CLEAN;
  /** States that left the innermost loop or switch through {@code break}/{@code continue}. */
  final Deque<List<State>> exits = new ArrayDeque<>();

  private Frame(FileContext file, JavaTypes types, int depth) {
    this.file = file;
    this.types = types;
    this.depth = depth;
  }

  static Frame forMethod(FileContext file, CallableDeclaration<?> m, List<Val> args, int depth) {
    var types = file.fieldTypes.child();
    var frame = new Frame(file, types, depth);
    var params = m.getParameters();
    for (int i = 0; i < params.size(); i++) {
      types.declare(params.get(i));
      frame.state.set(params.get(i).getNameAsString(), i < args.size() ? args.get(i) : Val.CLEAN);
    }
    types.declareAll(m);
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
