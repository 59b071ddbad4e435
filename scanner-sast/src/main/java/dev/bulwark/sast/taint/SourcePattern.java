package dev.bulwark.sast.taint;

import java.util.List;

/**
 * An access path that yields untrusted data, written with dots: {@code $REQ.query} (any
 * request object's {@code query}), {@code request.args}, {@code $_GET}, {@code sys.argv},
 * {@code input()}. Segments: {@code $REQ} matches a request object's name, {@code *} any one
 * member (not a call), {@code *()} any call, {@code name()} a call, {@code []} an index by a computed key.
 */
public record SourcePattern(List<String> segments, Label.Kind kind, String text) {

  public static SourcePattern parse(String text, Label.Kind kind) {
    return new SourcePattern(List.of(text.split("\\.")), kind, text);
  }

  /** True when the path has exactly this pattern's segments. */
  public boolean matches(List<String> path, java.util.Set<String> requestNames) {
    if (path.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      String want = segments.get(i);
      String got = path.get(i);
      boolean ok = want.equals("*") && !got.endsWith("()") || want.equals(got)
          || want.equals("$REQ") && requestNames.contains(got)
          || want.equals("*()") && got.endsWith("()");
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
