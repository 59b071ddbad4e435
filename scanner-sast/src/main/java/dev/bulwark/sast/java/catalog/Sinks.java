package dev.bulwark.sast.java.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sinks of the catalogue, indexed by method, constructor and static call. */
public final class Sinks {
  private final Map<String, List<SinkSpec>> calls = new HashMap<>();
  private final Map<String, List<SinkSpec>> constructors = new HashMap<>();
  private final Map<String, List<SinkSpec>> statics = new HashMap<>();
  private final Map<SinkFamily, Set<String>> words = new HashMap<>();

  Sinks(TaintCatalog catalog, List<CatalogYaml.SinkYaml> yaml) {
    for (var s : yaml) {
      var when = s.when();
      var spec = new SinkSpec(catalog.family(s.family()), TaintCatalog.set(s.receivers()),
          s.nameHints() == null ? List.of() : s.nameHints(), TaintCatalog.set(s.methods()),
          TaintCatalog.set(s.constructors()), TaintCatalog.set(s.statics()),
          s.argument() == null ? SinkSpec.ANY : s.argument(),
          s.arguments() == null ? java.util.Set.of() : java.util.Set.copyOf(s.arguments()), when == null ? -1 : when.argument(),
          when == null ? null : when.equals(), s.cwe() == null ? null : List.copyOf(s.cwe()));
      spec.methods().forEach(m -> calls.computeIfAbsent(m, k -> new ArrayList<>()).add(spec));
      spec.constructors().forEach(c -> constructors.computeIfAbsent(c, k -> new ArrayList<>()).add(spec));
      spec.statics().forEach(c -> statics.computeIfAbsent(c, k -> new ArrayList<>()).add(spec));
      var w = words.computeIfAbsent(spec.family(), k -> new HashSet<>());
      w.addAll(spec.methods());
      w.addAll(spec.constructors());
      spec.statics().forEach(m -> w.add(m.substring(m.lastIndexOf('.') + 1)));
    }
  }

  public List<SinkSpec> calls(String method) {
    return calls.getOrDefault(method, List.of());
  }

  public List<SinkSpec> constructors(String type) {
    return constructors.getOrDefault(type, List.of());
  }

  /** Sinks that are static calls, by {@code "Type.method"}. */
  public List<SinkSpec> statics(String typeDotMethod) {
    return statics.getOrDefault(typeDotMethod, List.of());
  }

  /** Method and type names one of which a file must contain for a sink of this family to appear in it. */
  public Set<String> words(SinkFamily family) {
    return words.getOrDefault(family, Set.of());
  }
}
