package dev.bulwark.sast.java.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis knows at one program point of a method: the value of each local variable,
 * the entries of maps with constant keys and the elements of lists it can follow. {@code dead}
 * marks unreachable code (after return/throw/break, or in a branch a constant rules out).
 */
final class State {
  final Map<String, Val> vars = new HashMap<>();
  /** Map variable → constant key → taint; key "*" holds entries under unknown keys. */
  final Map<String, Map<Object, Val>> maps = new HashMap<>();
  /** List variable → its elements in order; absent when the list's shape is unknown. */
  final Map<String, List<Val>> lists = new HashMap<>();
  boolean dead;

  State copy() {
    var s = new State();
    s.vars.putAll(vars);
    maps.forEach((k, v) -> s.maps.put(k, new HashMap<>(v)));
    lists.forEach((k, v) -> s.lists.put(k, new ArrayList<>(v)));
    s.dead = dead;
    return s;
  }

  Val get(String name) {
    return vars.getOrDefault(name, Val.CLEAN);
  }

  void set(String name, Val v) {
    vars.put(name, v);
    maps.remove(name);
    lists.remove(name);
  }

  /** The merge of two paths; a dead path contributes nothing. */
  static State join(State a, State b) {
    if (a.dead) {
      return b.copy();
    }
    if (b.dead) {
      return a.copy();
    }
    var s = a.copy();
    b.vars.forEach((k, v) -> s.vars.merge(k, v, Val::join));
    for (var k : a.vars.keySet()) {
      if (!b.vars.containsKey(k)) {
        s.vars.put(k, new Val(a.vars.get(k).taint(), null));
      }
    }
    b.maps.forEach((k, m) -> {
      var mine = s.maps.computeIfAbsent(k, x -> new HashMap<>());
      m.forEach((key, v) -> mine.merge(key, v, Val::join));
    });
    for (var k : b.lists.keySet()) {
      var mine = s.lists.get(k);
      var theirs = b.lists.get(k);
      if (mine == null || mine.size() != theirs.size()) {
        s.lists.remove(k);
      } else {
        for (int i = 0; i < mine.size(); i++) {
          mine.set(i, mine.get(i).join(theirs.get(i)));
        }
      }
    }
    a.lists.keySet().stream().filter(k -> !b.lists.containsKey(k)).toList().forEach(s.lists::remove);
    return s;
  }
}
