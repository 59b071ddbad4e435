package dev.bulwark.sast.lang;

import dev.bulwark.sast.taint.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A framework's entry points, from the rule pack: which functions the framework calls with request
 * data, and which of their parameters carry it.
 *
 * <p>A {@link Rule} with a {@code function} pattern makes a function an entry point when one of its
 * decorations (decorators, attributes, annotations, and {@code class:Base} markers for the classes
 * it belongs to) matches; then every parameter is request data except those excluded by name or by
 * a type that cannot carry text. A rule with only a {@code param} pattern marks single parameters,
 * in any function, by their own decorations ({@code @Query()}, {@code [FromBody]}).
 */
public record EntryPoints(List<Rule> rules) {
  public static final EntryPoints NONE = new EntryPoints(List.of());

  /**
   * @param function     regex over the function's decorations (null: any function)
   * @param param        regex over a parameter's decorations (null: any parameter)
   * @param exceptNames  parameter names that are never request data ({@code self}, {@code request})
   * @param exceptTypes  regex over declared types that are never request data ({@code int}, {@code Depends})
   */
  public record Rule(Pattern function, Pattern param, List<String> exceptNames, Pattern exceptTypes) {}

  Function apply(Function f) {
    if (rules.isEmpty()) {
      return f;
    }
    // a function the framework routes to is an entry point even without parameters (what it returns is the response)
    boolean entry = rules.stream().anyMatch(r -> r.function() != null && r.param() == null
        && f.decorations().stream().anyMatch(d -> r.function().matcher(d).find()));
    var params = new ArrayList<Function.Param>(f.params().size());
    for (Function.Param p : f.params()) {
      boolean source = p.source();
      for (Rule r : rules) {
        if (r.function() != null && f.decorations().stream().noneMatch(d -> r.function().matcher(d).find())) {
          continue;
        }
        if (r.param() != null && p.decorations().stream().noneMatch(d -> r.param().matcher(d).find())) {
          continue;
        }
        if (r.exceptNames().contains(p.name())
            || r.exceptTypes() != null && (r.exceptTypes().matcher(p.type()).find()
                || p.decorations().stream().anyMatch(d -> r.exceptTypes().matcher(d).find()))) {
          continue;
        }
        source = true;
      }
      entry |= source;
      params.add(source == p.source() ? p : new Function.Param(p.name(), p.type(), p.decorations(), source));
    }
    return entry ? f.withEntry(true, params) : f;
  }
}
