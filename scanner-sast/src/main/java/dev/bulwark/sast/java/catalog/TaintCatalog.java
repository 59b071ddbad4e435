package dev.bulwark.sast.java.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.sast.core.ParsedYamlCache;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Java taint analysis knows about library APIs, read from {@code taint.yaml}: source
 * kinds, sink families, roles, sources, sinks, sanitisers, propagators and result types.
 * Immutable; the built-in catalogue is loaded once.
 */
public final class TaintCatalog {
  private static final String RESOURCE = "/dev/bulwark/sast/java/taint.yaml";
  private static volatile TaintCatalog builtIn;

  private final String version;
  private final String hash;
  private final List<SourceKind> kinds;
  private final List<SinkFamily> families;
  private final Map<String, Role> roles;
  private final Sources sources;
  private final Sinks sinks;
  private final Triggers triggers;
  private final Map<String, Integer> sanitisers = new HashMap<>();
  private final Map<String, Integer> staticSanitisers = new HashMap<>();
  private final Map<String, Integer> effects = new HashMap<>();
  private final Map<String, List<ResultType>> resultTypes = new HashMap<>();
  private final Propagators propagators;

  /** The propagators section: sets of method and type names. */
  public record Propagators(Set<String> clean, Set<String> parsingTypes, Set<String> mutators, Set<String> fills,
      Set<String> conversions, Set<String> lists, Set<String> maps) {}

  private TaintCatalog(CatalogYaml y, String hash) {
    this.version = y.version();
    this.hash = hash;
    var ks = new ArrayList<SourceKind>();
    for (var k : y.sourceKinds()) {
      ks.add(new SourceKind(ks.size(), k.id(), Confidence.valueOf("CONFIDENCE_" + k.confidence()),
          Boolean.TRUE.equals(k.remote()), k.label(), k.origin()));
    }
    this.kinds = List.copyOf(ks);
    var fams = new ArrayList<SinkFamily>();
    for (var f : y.families()) {
      int accepted = f.kinds() == null ? allKindsBut("literal") : f.kinds().stream().mapToInt(k -> kind(k).bit())
          .reduce(0, (a, b) -> a | b);
      var shapes = f.shapes();
      fams.add(new SinkFamily(fams.size(), f.id(), f.rule(), f.title(), List.copyOf(f.cwe()),
          Severity.valueOf(f.severity()), f.remediation(), accepted,
          shapes == null || shapes.prefixed() == null ? null : List.copyOf(shapes.prefixed()),
          shapes == null || shapes.whole() == null ? null : List.copyOf(shapes.whole())));
    }
    if (fams.size() > 30 || ks.size() > 30) {
      throw new IllegalArgumentException("at most 30 sink families and 30 source kinds fit a mask");
    }
    this.families = List.copyOf(fams);
    var r = new HashMap<String, Role>();
    y.roles().forEach((name, role) -> r.put(name, new Role(set(role.types()), set(role.suffixes()), set(role.names()))));
    this.roles = Map.copyOf(r);
    this.sources = new Sources(this, y.sources());
    this.sinks = new Sinks(this, y.sinks());
    this.triggers = new Triggers(y.sources(), y.sinks(), this);
    for (var s : y.sanitisers()) {
      int bits = s.clears().contains("all") ? allBits() : s.clears().stream().mapToInt(id -> family(id).bit())
          .reduce(0, (a, b) -> a | b);
      set(s.methods()).forEach(m -> sanitisers.merge(m, bits, (a, b) -> a | b));
      set(s.statics()).forEach(m -> staticSanitisers.merge(m, bits, (a, b) -> a | b));
      if (s.effect() != null) {
        effects.merge(s.effect(), bits, (a, b) -> a | b);
      }
    }
    var p = y.propagators();
    this.propagators = new Propagators(set(p.clean()), set(p.parsingTypes()), set(p.mutators()), set(p.fills()),
        set(p.conversions()), set(p.lists()), set(p.maps()));
    for (var t : y.resultTypes()) {
      var rt = new ResultType(set(t.methods()), t.receiver() == null ? null : role(t.receiver()), t.type());
      rt.methods().forEach(m -> resultTypes.computeIfAbsent(m, k -> new ArrayList<>()).add(rt));
    }
  }

  /** The catalogue shipped with the scanner. */
  public static TaintCatalog builtIn() {
    return builtIn(Optional.empty());
  }

  /** The catalogue shipped with the scanner, its parsed YAML kept in {@code cache} between runs when given. */
  public static TaintCatalog builtIn(Optional<Path> cache) {
    if (builtIn == null) {
      synchronized (TaintCatalog.class) {
        if (builtIn == null) {
          try (InputStream in = TaintCatalog.class.getResourceAsStream(RESOURCE)) {
            builtIn = parse(in.readAllBytes(), cache);
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
    return parse(yaml, Optional.empty());
  }

  /** As {@link #parse(byte[])}, the parsed YAML kept in {@code cache} between runs when given ({@link ParsedYamlCache}). */
  public static TaintCatalog parse(byte[] yaml, Optional<Path> cache) throws IOException {
    var parsed = ParsedYamlCache.parse(cache, "taint-catalog", yaml, CatalogYaml.class, bytes ->
        new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(bytes, CatalogYaml.class));
    return new TaintCatalog(parsed, Digests.sha256Hex(yaml, 16));
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

  public List<SourceKind> kinds() {
    return kinds;
  }

  public SourceKind kind(String id) {
    return kinds.stream().filter(k -> k.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source kind '" + id + "'"));
  }

  /** The kind among {@code mask}'s bits with the highest confidence, null when the mask is empty. */
  public SourceKind strongest(int mask) {
    SourceKind best = null;
    for (var k : kinds) {
      if ((mask & k.bit()) != 0 && (best == null || rank(k.confidence()) > rank(best.confidence()))) {
        best = k;
      }
    }
    return best;
  }

  /** The bits of the remote kinds (data an attacker sends from elsewhere). */
  public int remoteKinds() {
    int mask = 0;
    for (var k : kinds) {
      if (k.remote()) {
        mask |= k.bit();
      }
    }
    return mask;
  }

  /** The bits of every family. */
  public int allBits() {
    return (1 << families.size()) - 1;
  }

  /** The family bits data of this kind is dangerous for: the families that report the kind. */
  public int bitsFor(SourceKind kind) {
    int bits = 0;
    for (var f : families) {
      if ((f.kinds() & kind.bit()) != 0) {
        bits |= f.bit();
      }
    }
    return bits;
  }

  public Role role(String name) {
    var r = roles.get(name);
    if (r == null) {
      throw new IllegalArgumentException("unknown role '" + name + "'");
    }
    return r;
  }

  public Sources sources() {
    return sources;
  }

  public Sinks sinks() {
    return sinks;
  }

  /** Keyword prefilters: whether a file's text can need the taint analysis. */
  public Triggers triggers() {
    return triggers;
  }

  /** The family bits a call of this method clears, or null when it is no sanitiser. */
  public Integer sanitiser(String method) {
    return sanitisers.get(method);
  }

  /** The family bits a static call {@code "Type.method"} clears, or null. */
  public Integer staticSanitiser(String typeDotMethod) {
    return staticSanitisers.get(typeDotMethod);
  }

  /** The family bits a sanitising effect clears (see {@code taint.yaml}), 0 when the catalogue lists none. */
  public int effect(String effect) {
    return effects.getOrDefault(effect, 0);
  }

  public Propagators propagators() {
    return propagators;
  }

  public List<ResultType> resultTypes(String method) {
    return resultTypes.getOrDefault(method, List.of());
  }

  private int allKindsBut(String id) {
    int mask = 0;
    for (var k : kinds) {
      if (!k.id().equals(id)) {
        mask |= k.bit();
      }
    }
    return mask;
  }

  private static int rank(Confidence c) {
    return switch (c) {
      case CONFIDENCE_HIGH -> 3;
      case CONFIDENCE_MEDIUM -> 2;
      case CONFIDENCE_LOW -> 1;
      default -> 0;
    };
  }

  static Set<String> set(List<String> l) {
    return l == null ? Set.of() : Set.copyOf(l);
  }

  static Pattern pattern(String regex) {
    return regex == null ? null : Pattern.compile(regex);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    var s = new HashSet<>(a);
    s.addAll(b);
    return s;
  }
}
