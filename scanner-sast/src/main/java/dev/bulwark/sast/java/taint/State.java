package dev.bulwark.sast.java.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis knows at one program point of a method: the value of each local variable
 * (and of fields and other classes' static fields, named {@code "Type.field"}), the entries of maps
 * with constant keys and the elements of lists it can follow, which variable wraps which (a stream
 * around another: a write to one reaches both) and which was parsed from which (a URI from a
 * string). {@code dead} marks unreachable code (after return/throw/break, or in a branch a
 * constant rules out).
 */
final class State {
  final Map<String, Val> vars = new HashMap<>();
  /** Map variable → constant key → taint; key "*" holds entries under unknown keys. */
  final Map<String, Map<Object, Val>> maps = new HashMap<>();
  /** List variable → its elements in order; absent when the list's shape is unknown. */
  final Map<String, List<Val>> lists = new HashMap<>();
  /** Wrapper variable → the variable it wraps ({@code out = new ObjectOutputStream(bytes)}). */
  final Map<String, String> wraps = new HashMap<>();
  /** Variable → the variable it was parsed from ({@code uri = new URI(text)}). */
  final Map<String, String> parsedFrom = new HashMap<>();
  boolean dead;

  State copy() {
    var s = new State();
    s.vars.putAll(vars);
    maps.forEach((k, v) -> s.maps.put(k, new HashMap<>(v)));
    lists.forEach((k, v) -> s.lists.put(k, new ArrayList<>(v)));
    s.wraps.putAll(wraps);
    s.parsedFrom.putAll(parsedFrom);
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
    wraps.remove(name);
    parsedFrom.remove(name);
  }

  /** {@code v} is written into the object {@code name} holds, and into every object it wraps. */
  void grow(String name, Val v) {
    String var = name;
    for (int i = 0; var != null && i < 8; i++) {
      vars.put(var, get(var).or(v));
      var = wraps.get(var);
    }
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
        s.vars.put(k, a.vars.get(k).taintOnly());
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
    b.wraps.forEach(s.wraps::putIfAbsent);
    b.parsedFrom.forEach(s.parsedFrom::putIfAbsent);
    return s;
  }
}
