package dev.bulwark.sast.secrets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A versioned list of secret rules, read from YAML (see {@code rules/secrets.yaml}). */
public record SecretRulePack(String name, String version, String hash, List<SecretRule> rules) {
  public static final String BUILT_IN = "/dev/bulwark/sast/rules/secrets.yaml";

  /** The YAML shape of one rule. */
  record RuleYaml(String id, String title, String severity, List<Integer> cwe, List<String> keywords,
      String regex, Integer secretGroup, Double entropy, List<String> allow, List<String> extensions,
      Integer lines) {}

  record PackYaml(String name, String version, List<RuleYaml> rules) {}

  public static SecretRulePack builtIn() {
    try (InputStream in = SecretRulePack.class.getResourceAsStream(BUILT_IN)) {
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUILT_IN, e);
    }
  }

  /** Parses a pack; a rule with a bad regex or no keywords is an error naming the rule. */
  public static SecretRulePack parse(byte[] yaml) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    PackYaml pack = mapper.readValue(yaml, PackYaml.class);
    var rules = new ArrayList<SecretRule>();
    for (RuleYaml r : pack.rules()) {
      if (r.keywords() == null || r.keywords().isEmpty()) {
        throw new IllegalArgumentException("secret rule " + r.id() + " has no keywords");
      }
      try {
        rules.add(new SecretRule(r.id(), r.title(),
            Severity.valueOf(r.severity() == null ? "HIGH" : r.severity().toUpperCase(Locale.ROOT)),
            r.cwe() == null ? List.of(798) : r.cwe(),
            r.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(),
            Pattern.compile(r.regex()), r.secretGroup() == null ? 0 : r.secretGroup(),
            r.entropy() == null ? 0 : r.entropy(),
            r.allow() == null ? List.of() : r.allow().stream().map(Pattern::compile).toList(),
            r.extensions() == null ? List.of() : r.extensions(), r.lines() == null ? 1 : r.lines()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("secret rule " + r.id() + ": " + e.getMessage(), e);
      }
    }
    return new SecretRulePack(pack.name(), pack.version(), sha256(yaml), List.copyOf(rules));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
