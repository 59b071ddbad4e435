package dev.bulwark.sast.java.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.cas.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Java taint analysis knows about library APIs, read from {@code taint.yaml}: the sink
 * families, roles, sources, sinks, sanitisers, propagators and result types. Immutable; the
 * built-in catalogue is loaded once.
 */
public final class TaintCatalog {
  private static final String RESOURCE = "/dev/bulwark/sast/java/taint.yaml";
  private static volatile TaintCatalog builtIn;

  private final String version;
  private final String hash;
  private final List<SinkFamily> families;
  private final Map<String, Role> roles;
  private final List<SourceSpec> sources;
  private final Set<String> sourceAnnotations;
  private final Map<String, List<SinkSpec>> callSinks = new HashMap<>();
  private final Map<String, List<SinkSpec>> constructorSinks = new HashMap<>();
  private final Map<String, List<SinkSpec>> staticSinks = new HashMap<>();
  private final Map<String, Integer> sanitisers = new HashMap<>();
  private final Map<String, List<ResultType>> resultTypes = new HashMap<>();
  private final Propagators propagators;

  /** The propagators section: sets of method and type names. */
  public record Propagators(Set<String> clean, Set<String> parsingTypes, Set<String> mutators, Set<String> lists,
      Set<String> maps) {}

  private TaintCatalog(CatalogYaml y, String hash) {
    this.version = y.version();
    this.hash = hash;
    var fams = new ArrayList<SinkFamily>();
    for (var f : y.families()) {
      fams.add(new SinkFamily(fams.size(), f.id(), f.rule(), f.title(), List.copyOf(f.cwe()),
          dev.bulwark.v1.Severity.valueOf(f.severity()), f.remediation()));
    }
    if (fams.size() > 30) {
      throw new IllegalArgumentException("at most 30 sink families fit a taint mask, found " + fams.size());
    }
    this.families = List.copyOf(fams);
    var r = new HashMap<String, Role>();
    y.roles().forEach((name, role) -> r.put(name, new Role(set(role.types()), set(role.suffixes()), set(role.names()))));
    this.roles = Map.copyOf(r);
    var src = new ArrayList<SourceSpec>();
    var annotations = new java.util.HashSet<String>();
    for (var s : y.sources()) {
      annotations.addAll(set(s.parameterAnnotations()));
      src.add(new SourceSpec(s.kind(), s.receiver() == null ? null : role(s.receiver()), set(s.methods()),
          s.methodPattern() == null ? null : java.util.regex.Pattern.compile(s.methodPattern()),
          set(s.parameterAnnotations())));
    }
    this.sources = List.copyOf(src);
    this.sourceAnnotations = Set.copyOf(annotations);
    for (var s : y.sinks()) {
      var spec = new SinkSpec(family(s.family()), set(s.receivers()), s.nameHints() == null ? List.of() : s.nameHints(),
          set(s.methods()), set(s.constructors()), set(s.statics()), s.argument() == null ? -1 : s.argument());
      spec.methods().forEach(m -> callSinks.computeIfAbsent(m, k -> new ArrayList<>()).add(spec));
      spec.constructors().forEach(c -> constructorSinks.computeIfAbsent(c, k -> new ArrayList<>()).add(spec));
      spec.statics().forEach(c -> staticSinks.computeIfAbsent(c, k -> new ArrayList<>()).add(spec));
    }
    for (var s : y.sanitisers()) {
      int bits = s.clears().contains("all") ? allBits() : s.clears().stream().mapToInt(id -> family(id).bit())
          .reduce(0, (a, b) -> a | b);
      s.methods().forEach(m -> sanitisers.merge(m, bits, (a, b) -> a | b));
    }
    var p = y.propagators();
    this.propagators = new Propagators(set(p.clean()), set(p.parsingTypes()), set(p.mutators()), set(p.lists()),
        set(p.maps()));
    for (var t : y.resultTypes()) {
      var rt = new ResultType(set(t.methods()), t.receiver() == null ? null : role(t.receiver()), t.type());
      rt.methods().forEach(m -> resultTypes.computeIfAbsent(m, k -> new ArrayList<>()).add(rt));
    }
  }

  /** The catalogue shipped with the scanner. */
  public static TaintCatalog builtIn() {
    if (builtIn == null) {
      synchronized (TaintCatalog.class) {
        if (builtIn == null) {
          try (InputStream in = TaintCatalog.class.getResourceAsStream(RESOURCE)) {
            builtIn = parse(in.readAllBytes());
          } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
          }
        }
      }
    }
    return builtIn;
  }

  /** Reads a catalogue; a malformed one is an {@link IllegalArgumentException} naming the problem. */
  public static TaintCatalog parse(byte[] yaml) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return new TaintCatalog(mapper.readValue(yaml, CatalogYaml.class), Digests.sha256Hex(yaml, 16));
  }

  public String version() {
    return version;
  }

  /** The first 16 hex characters of the catalogue's SHA-256. */
  public String hash() {
    return hash;
  }

  public List<SinkFamily> families() {
    return families;
  }

  public SinkFamily family(String id) {
    return families.stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown sink family '" + id + "'"));
  }

  /** The bits of every family: what a value straight from a source carries. */
  public int allBits() {
    return (1 << families.size()) - 1;
  }

  public Role role(String name) {
    var r = roles.get(name);
    if (r == null) {
      throw new IllegalArgumentException("unknown role '" + name + "'");
    }
    return r;
  }

  /** Sources that are calls on an object of some role. */
  public List<SourceSpec> callSources() {
    return sources.stream().filter(s -> s.receiver() != null).toList();
  }

  /** Parameter annotations whose parameter is a source. */
  public Set<String> sourceAnnotations() {
    return sourceAnnotations;
  }

  public List<SinkSpec> callSinks(String method) {
    return callSinks.getOrDefault(method, List.of());
  }

  public List<SinkSpec> constructorSinks(String type) {
    return constructorSinks.getOrDefault(type, List.of());
  }

  /** Sinks that are static calls, by {@code "Type.method"}. */
  public List<SinkSpec> staticSinks(String typeDotMethod) {
    return staticSinks.getOrDefault(typeDotMethod, List.of());
  }

  /** The family bits a call of this method clears, or null when it is no sanitiser. */
  public Integer sanitiser(String method) {
    return sanitisers.get(method);
  }

  public Propagators propagators() {
    return propagators;
  }

  public List<ResultType> resultTypes(String method) {
    return resultTypes.getOrDefault(method, List.of());
  }

  private static Set<String> set(List<String> l) {
    return l == null ? Set.of() : Set.copyOf(l);
  }
}
