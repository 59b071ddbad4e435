package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps with constant keys and lists with constant indexes, element by element, so that
 * {@code map.put("a", safe); map.put("b", param); map.get("a")} is clean and
 * {@code list.remove(0); list.get(1)} picks the right element.
 */
final class CollectionModels {
  private final Frame f;

  CollectionModels(Frame frame) {
    this.f = frame;
  }

  /** The call's value when it is a modelled collection operation, else null. */
  Val apply(MethodCallExpr m, String name, Optional<Expression> scope, Val receiver, List<Val> args) {
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr n)) {
      return null;
    }
    String var = n.getNameAsString();
    Map<Object, Val> map = f.state.maps.get(var);
    if (map != null) {
      return mapCall(var, map, name, args);
    }
    List<Val> list = f.state.lists.get(var);
    if (list != null) {
      return listCall(var, list, name, args);
    }
    return null;
  }

  private Val mapCall(String var, Map<Object, Val> map, String name, List<Val> args) {
    switch (name) {
      case "put", "setProperty" -> {
        if (args.size() == 2) {
          Object key = args.get(0).constant();
          map.merge(key == null ? "*" : key, args.get(1), key == null ? Val::or : (a, b) -> b);
          f.state.vars.put(var, union(map.values()));
        }
        return Val.CLEAN;
      }
      case "get", "getProperty", "getOrDefault", "remove" -> {
        if (args.isEmpty()) {
          return null;
        }
        Object key = args.get(0).constant();
        Val v = key != null && map.containsKey(key) ? map.get(key)
            : key != null ? map.getOrDefault("*", Val.CLEAN) : union(map.values());
        if (args.size() > 1) {
          v = v.or(args.get(1));
        }
        return v.taintOnly();
      }
      default -> {
        return null;
      }
    }
  }

  private Val listCall(String var, List<Val> list, String name, List<Val> args) {
    Integer index = args.isEmpty() ? null : asIndex(args.get(0));
    switch (name) {
      case "add", "addElement", "addLast", "offer", "push" -> {
        if (args.size() == 1) {
          list.add(args.get(0));
        } else if (args.size() == 2 && index != null && index <= list.size()) {
          list.add(index, args.get(1));
        } else {
          f.state.lists.remove(var);
          f.state.vars.put(var, f.state.get(var).or(args.get(args.size() - 1)));
          return Val.CLEAN;
        }
      }
      case "remove" -> {
        if (index != null && index < list.size()) {
          Val removed = list.remove((int) index);
          f.state.vars.put(var, union(list));
          return removed;
        }
        return null;
      }
      case "get", "elementAt" -> {
        if (index != null && index < list.size()) {
          return list.get(index).taintOnly();
        }
        return union(list);
      }
      case "set" -> {
        if (index != null && index < list.size() && args.size() == 2) {
          list.set(index, args.get(1));
        } else {
          return null;
        }
      }
      case "clear" -> list.clear();
      default -> {
        return null;
      }
    }
    f.state.vars.put(var, union(list));
    return Val.CLEAN;
  }

  private static Integer asIndex(Val v) {
    Long n = Constants.number(v.constant());
    return n == null || n < 0 || n > 10_000 ? null : n.intValue();
  }

  private static Val union(java.util.Collection<Val> vals) {
    return vals.stream().reduce(Val.CLEAN, Val::or);
  }
}
