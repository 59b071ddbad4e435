package dev.bulwark.sast.taint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dotted path of a name, member, index or call chain ({@code req.query.id},
 * {@code request.get_json()}, {@code $_GET.id}), and its canonical form with the first segment
 * replaced by what the file imported under that name ({@code cp.exec} → {@code child_process.exec}).
 */
public final class AccessPath {
  private AccessPath() {}

  /** The segments, or null when the chain does not start at a name. */
  public static List<String> of(Expr e) {
    var out = new ArrayList<String>(4);
    return collect(e, out, 0) ? out : null;
  }

  private static boolean collect(Expr e, List<String> out, int depth) {
    if (depth > 32) {
      return false;
    }
    if (e instanceof Expr.Name n) {
      out.add(n.name());
      return true;
    }
    if (e instanceof Expr.Member m && collect(m.target(), out, depth + 1)) {
      out.add(m.name());
      return true;
    }
    if (e instanceof Expr.Index i && collect(i.target(), out, depth + 1)) {
      out.add(i.key() instanceof Expr.Literal l ? l.value() : "[]");
      return true;
    }
    if (e instanceof Expr.Call c && collect(c.callee(), out, depth + 1)) {
      out.set(out.size() - 1, out.get(out.size() - 1) + "()");
      return true;
    }
    return false;
  }

  /** The path with its first segment replaced by its import, joined with dots. */
  public static String canonical(List<String> path, Map<String, String> imports) {
    if (path == null || path.isEmpty()) {
      return "";
    }
    String first = imports.getOrDefault(path.get(0), path.get(0));
    var sb = new StringBuilder(first);
    for (int i = 1; i < path.size(); i++) {
      sb.append('.').append(path.get(i));
    }
    return sb.toString();
  }

  /** The canonical path as segments (the import may itself contain dots). */
  public static List<String> canonicalSegments(List<String> path, Map<String, String> imports) {
    if (path == null || path.isEmpty() || !imports.containsKey(path.get(0))) {
      return path;
    }
    var out = new ArrayList<>(List.of(imports.get(path.get(0)).split("\\.")));
    out.addAll(path.subList(1, path.size()));
    return out;
  }
}
