package dev.bulwark.sast.java.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sources of the catalogue, indexed the ways the interpreter looks them up. */
public final class Sources {
  private final List<SourceSpec> calls = new ArrayList<>();
  private final Map<String, SourceKind> statics = new HashMap<>();
  private final Map<String, SourceKind> fields = new HashMap<>();
  private final Map<String, SourceKind> constructors = new HashMap<>();
  private final Map<String, SourceKind> annotations = new HashMap<>();
  private final Set<String> words = new HashSet<>();
  private SourceKind literal;

  Sources(TaintCatalog catalog, List<CatalogYaml.SourceYaml> yaml) {
    for (var s : yaml) {
      var kind = catalog.kind(s.kind());
      var spec = new SourceSpec(kind, s.receiver() == null ? null : catalog.role(s.receiver()),
          TaintCatalog.set(s.receivers()), TaintCatalog.set(s.methods()), TaintCatalog.pattern(s.methodPattern()),
          TaintCatalog.set(s.statics()), TaintCatalog.set(s.fields()), TaintCatalog.set(s.constructors()),
          TaintCatalog.set(s.parameterAnnotations()), Boolean.TRUE.equals(s.literals()));
      if (!spec.methods().isEmpty() || spec.methodPattern() != null) {
        calls.add(spec);
      }
      spec.statics().forEach(m -> statics.put(m, kind));
      spec.fields().forEach(f -> fields.put(f, kind));
      spec.constructors().forEach(c -> constructors.put(c, kind));
      spec.parameterAnnotations().forEach(a -> annotations.put(a, kind));
      if (spec.literals()) {
        literal = kind;
      }
      words.addAll(spec.methods());
      spec.statics().forEach(m -> words.add(m.substring(m.lastIndexOf('.') + 1)));
      spec.fields().forEach(f -> words.add(f));
      words.addAll(spec.constructors());
      words.addAll(spec.parameterAnnotations());
      if (spec.methodPattern() != null) {
        words.addAll(List.of("Parameter", "Header", "Cookie", "Query"));
      }
    }
  }

  /** Sources that are calls on an object of some role or type. */
  public List<SourceSpec> calls() {
    return calls;
  }

  /** The kind of a static call {@code "Type.method"} that is a source, or null. */
  public SourceKind staticCall(String typeDotMethod) {
    return statics.get(typeDotMethod);
  }

  /** The kind of a static field read {@code "Type.field"} that is a source, or null. */
  public SourceKind field(String typeDotField) {
    return fields.get(typeDotField);
  }

  public SourceKind constructor(String type) {
    return constructors.get(type);
  }

  /** The kind of a parameter annotated so, or null. */
  public SourceKind annotation(String name) {
    return annotations.get(name);
  }

  /** The kind of string literals, null when literals are no source. */
  public SourceKind literal() {
    return literal;
  }

  /**
   * Words (method, type, field and annotation names) one of which a file must contain for a
   * source of the catalogue to appear in it.
   */
  public Set<String> words() {
    return words;
  }
}
