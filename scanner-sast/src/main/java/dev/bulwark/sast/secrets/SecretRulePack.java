package dev.bulwark.sast.secrets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.cas.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A versioned list of secret rules: an index ({@code rules/secrets.yaml}) naming one YAML file per
 * provider family ({@code rules/secrets/<family>.yaml}). Each rule entry carries its own positive
 * and negative samples; {@code SecretRuleSamplesTest} runs them all.
 */
public record SecretRulePack(String name, String version, String hash, List<SecretRule> rules) {
  public static final String BUILT_IN = "/dev/bulwark/sast/rules/secrets.yaml";
  public static final String FAMILY_DIR = "/dev/bulwark/sast/rules/secrets/";

  record IndexYaml(String name, String version, List<String> families) {}

  /** One family file: its title and its rules. */
  public record FamilyYaml(String family, List<RuleYaml> rules) {}

  public static SecretRulePack builtIn() {
    try {
      return load(BUILT_IN, file -> read(FAMILY_DIR + file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in secret rules: " + e.getMessage(), e);
    }
  }

  /**
   * The built-in pack, its parsed YAML kept in {@code cacheDir} between runs ({@link RulePackCache}):
   * the same rules as {@link #builtIn()}, but read back from the cache their regexes compile at
   * first use. Any trouble with the cache falls back to the YAML.
   */
  public static SecretRulePack builtIn(Path cacheDir) {
    try {
      return load(BUILT_IN, file -> read(FAMILY_DIR + file), cacheDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in secret rules: " + e.getMessage(), e);
    }
  }

  /** Reads the family files of a built-in pack, in index order (for the providers list and tests). */
  public static List<FamilyYaml> builtInFamilies() throws IOException {
    var index = mapper().readValue(read(BUILT_IN), IndexYaml.class);
    var families = new ArrayList<FamilyYaml>();
    for (String f : index.families()) {
      families.add(mapper().readValue(read(FAMILY_DIR + f), FamilyYaml.class));
    }
    return families;
  }

  /** The bytes of a family file by its name in the index. */
  @FunctionalInterface
  public interface FamilyReader {
    byte[] read(String file) throws IOException;
  }

  /**
   * Parses a pack. A rule with a bad regex, no keywords, no form or a duplicate id is an error
   * naming the rule.
   */
  public static SecretRulePack load(String index, FamilyReader families) throws IOException {
    return load(index, families, Optional.empty());
  }

  /** As {@link #load(String, FamilyReader)}, its parsed YAML kept in {@code cacheDir} between runs. */
  public static SecretRulePack load(String index, FamilyReader families, Path cacheDir) throws IOException {
    return load(index, families, Optional.of(new RulePackCache(cacheDir, "secrets")));
  }

  private static SecretRulePack load(String index, FamilyReader families, Optional<RulePackCache> cache)
      throws IOException {
    byte[] indexBytes = read(index);
    var bytesOf = new HashMap<String, byte[]>();
    FamilyReader once = file -> {
      byte[] bytes = bytesOf.get(file);
      if (bytes == null) {
        bytes = families.read(file);
        bytesOf.put(file, bytes);
      }
      return bytes;
    };
    var cached = cache.flatMap(c -> c.read(indexBytes, file -> Digests.sha256Hex(once.read(file))));
    RulePackCache.Entry entry;
    if (cached.isPresent()) {
      entry = cached.get();
    } else {
      var idx = mapper().readValue(indexBytes, IndexYaml.class);
      var parsed = new ArrayList<FamilyYaml>();
      var digests = new ArrayList<String>();
      for (String file : idx.families()) {
        parsed.add(mapper().readValue(once.read(file), FamilyYaml.class));
        digests.add(Digests.sha256Hex(once.read(file)));
      }
      entry = new RulePackCache.Entry(idx, List.copyOf(digests), List.copyOf(parsed));
    }
    var all = new ByteArrayOutputStream();
    all.write(indexBytes);
    var rules = new ArrayList<SecretRule>();
    var ids = new HashSet<String>();
    for (int i = 0; i < entry.index().families().size(); i++) {
      String file = entry.index().families().get(i);
      all.write(once.read(file));
      FamilyYaml family = entry.families().get(i);
      for (RuleYaml r : family.rules()) {
        if (!ids.add(r.id())) {
          throw new IllegalArgumentException("secret rule " + r.id() + " is defined twice (" + file + ")");
        }
        // read back from the cache, the regexes compiled when it was written: they compile at first use
        rules.add(r.toRule(family.family(), cached.isEmpty()));
      }
    }
    if (cached.isEmpty()) { // only a pack that loaded completely is kept
      cache.ifPresent(c -> c.write(indexBytes, entry));
    }
    var idx = entry.index();
    return new SecretRulePack(idx.name(), idx.version(), Digests.sha256Hex(all.toByteArray(), 16),
        List.copyOf(rules));
  }

  static ObjectMapper mapper() {
    return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = SecretRulePack.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      return in.readAllBytes();
    }
  }
}
