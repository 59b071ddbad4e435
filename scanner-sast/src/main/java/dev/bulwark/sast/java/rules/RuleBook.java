package dev.bulwark.sast.java.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.sast.core.ParsedYamlCache;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Java rules without data flow report and the word lists they match, read from
 * {@code rules.yaml}.
 */
public final class RuleBook {
  private static final String RESOURCE = "/dev/bulwark/sast/java/rules.yaml";
  private static volatile RuleBook builtIn;

  record RuleYaml(String id, String title, String description, String severity, List<Integer> cwe,
      String confidence, String remediation) {}

  record CryptoYaml(String weakCipher, String defaultMode, String tripleDes, String rsaWithoutOaep,
      List<String> weakHashes, String weakDigestUtils) {}

  record RandomYaml(List<String> methods, List<String> types, String securityWords, List<String> securityImports) {}

  record XxeYaml(List<String> factories, List<String> factoryMethods, List<String> hardening) {}

  record TriggerYaml(List<String> keywords, String pattern) {}

  record BookYaml(String version, Map<String, RuleYaml> rules, Map<String, TriggerYaml> triggers, CryptoYaml crypto,
      RandomYaml random, XxeYaml xxe) {}

  /** When a rule family looks at a file: one of its keywords is an identifier there and its pattern matches. */
  record Trigger(Set<String> keywords, Pattern pattern) {}

  /** Cipher and hash names (upper case) that are weak. */
  record Crypto(Pattern weakCipher, Pattern defaultMode, Pattern tripleDes, Pattern rsaWithoutOaep,
      Set<String> weakHashes, Pattern weakDigestUtils) {}

  record Random(Set<String> methods, Set<String> types, Pattern securityWords, List<String> securityImports) {}

  record Xxe(Set<String> factories, Set<String> factoryMethods, List<String> hardening) {}

  private final String version;
  private final String hash;
  private final Map<String, RuleInfo> rules = new HashMap<>();
  private final Map<String, RuleYaml> raw;
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final dev.bulwark.sast.java.syntax.Keywords keywords;
  final Crypto crypto;
  final Random random;
  final Xxe xxe;

  private RuleBook(BookYaml y, String hash) {
    this.version = y.version();
    this.hash = hash;
    this.raw = y.rules();
    y.rules().forEach((key, r) -> rules.put(key, info(r, r.description(), r.remediation())));
    y.triggers().forEach((family, t) -> triggers.put(family, new Trigger(Set.copyOf(t.keywords()),
        Pattern.compile(t.pattern()))));
    var all = new java.util.HashSet<String>();
    triggers.values().forEach(t -> all.addAll(t.keywords()));
    this.keywords = new dev.bulwark.sast.java.syntax.Keywords(all);
    var c = y.crypto();
    this.crypto = new Crypto(Pattern.compile(c.weakCipher()), Pattern.compile(c.defaultMode()),
        Pattern.compile(c.tripleDes()),
        Pattern.compile(c.rsaWithoutOaep()), Set.copyOf(c.weakHashes()), Pattern.compile(c.weakDigestUtils()));
    var r = y.random();
    this.random = new Random(Set.copyOf(r.methods()), Set.copyOf(r.types()), Pattern.compile(r.securityWords()),
        List.copyOf(r.securityImports()));
    var x = y.xxe();
    this.xxe = new Xxe(Set.copyOf(x.factories()), Set.copyOf(x.factoryMethods()), List.copyOf(x.hardening()));
  }

  public static RuleBook builtIn() {
    return builtIn(Optional.empty());
  }

  /** The built-in book, its parsed YAML kept in {@code cache} between runs when given ({@link ParsedYamlCache}). */
  public static RuleBook builtIn(Optional<Path> cache) {
    if (builtIn == null) {
      synchronized (RuleBook.class) {
        if (builtIn == null) {
          try (InputStream in = RuleBook.class.getResourceAsStream(RESOURCE)) {
            byte[] yaml = in.readAllBytes();
            var parsed = ParsedYamlCache.parse(cache, "java-rules", yaml, BookYaml.class, bytes ->
                new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes, BookYaml.class));
            builtIn = new RuleBook(parsed, Digests.sha256Hex(yaml, 16));
          } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
          }
        }
      }
    }
    return builtIn;
  }

  public String version() {
    return version;
  }

  public String hash() {
    return hash;
  }

  public int size() {
    return rules.size();
  }

  /** The keywords of every trigger that are identifiers of the text (one pass). */
  Set<String> keywordsIn(String text) {
    return keywords.found(text);
  }

  /** Every keyword of the triggers. */
  public Set<String> keywords() {
    var all = new java.util.HashSet<String>();
    triggers.values().forEach(t -> all.addAll(t.keywords()));
    return all;
  }

  /** The trigger of a rule family: a file whose text does not match it has nothing for the family. */
  Trigger trigger(String family) {
    var t = triggers.get(family);
    if (t == null) {
      throw new IllegalArgumentException("no trigger '" + family + "' in " + RESOURCE);
    }
    return t;
  }

  /** The rule under this key of {@code rules.yaml}. */
  RuleInfo rule(String key) {
    var r = rules.get(key);
    if (r == null) {
      throw new IllegalArgumentException("no rule '" + key + "' in " + RESOURCE);
    }
    return r;
  }

  /**
   * A weak algorithm that is only the fallback of a setting the scanned tree does not hold
   * ({@code props.getProperty("hashAlg", "MD5")}): an insecure default, not a known use of the weak
   * algorithm, since the deployed configuration decides.
   */
  RuleInfo insecureDefault(RuleInfo weak, String algorithm) {
    var r = raw.get("insecure-default");
    String description = r.description().replace("{algorithm}", algorithm)
        .replace("{weakness}", weak.title().toLowerCase(Locale.ROOT)).replace("{cwe}", String.valueOf(weak.cwe().get(0)));
    return info(r, description, r.remediation().replace("{remediation}", weak.remediation()));
  }

  static RuleInfo withConfidence(RuleInfo r, Confidence c) {
    return new RuleInfo(r.id(), r.title(), r.description(), r.severity(), r.cwe(), c, r.remediation());
  }

  private static RuleInfo info(RuleYaml r, String description, String remediation) {
    return new RuleInfo(r.id(), r.title(), description, Severity.valueOf(r.severity()), List.copyOf(r.cwe()),
        Confidence.valueOf("CONFIDENCE_" + r.confidence()), remediation);
  }
}
