package dev.bulwark.sast.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A language's rule pack, read from YAML ({@code rules/<language>.yaml}): the language's comment
 * and string syntax, its taint sources and assignment shape, and its rules.
 */
public record PatternPack(String name, String version, String hash, List<String> languages, List<String> extensions,
    CodeMasker masker, List<Pattern> sources, Pattern assignment, List<PatternRule> rules) {

  record SyntaxYaml(String lineComment, Boolean blockComments, Boolean tripleQuotes, Boolean templates) {}

  record RuleYaml(String id, String message, String severity, List<Integer> cwe, String confidence,
      List<String> languages, String pattern, String argsMatch, String argsNotMatch, String require,
      String requires, String remediation, Boolean allArguments, List<String> keywords) {}

  record PackYaml(String name, String version, List<String> languages, List<String> extensions, SyntaxYaml syntax,
      List<String> sources, String assignment, List<RuleYaml> rules) {}

  public static PatternPack builtIn(String language) {
    String resource = "/dev/bulwark/sast/rules/" + language + ".yaml";
    try (InputStream in = PatternPack.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no rule pack " + resource);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  public static PatternPack parse(byte[] yaml) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    PackYaml p = mapper.readValue(yaml, PackYaml.class);
    var s = p.syntax();
    var masker = new CodeMasker(s.lineComment(), Boolean.TRUE.equals(s.blockComments()),
        Boolean.TRUE.equals(s.tripleQuotes()), Boolean.TRUE.equals(s.templates()));
    var rules = p.rules().stream().map(r -> {
      try {
        return new PatternRule(r.id(), r.message(), Severity.valueOf(upper(r.severity(), "MEDIUM")),
            r.cwe() == null ? List.of() : r.cwe(),
            Confidence.valueOf("CONFIDENCE_" + upper(r.confidence(), "MEDIUM")),
            Pattern.compile(r.pattern()), compile(r.argsMatch()), compile(r.argsNotMatch()),
            r.require() == null ? "none" : r.require(), compile(r.requires()), r.remediation(),
            Boolean.TRUE.equals(r.allArguments()), r.keywords() == null ? List.of() : r.keywords());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("rule " + r.id() + ": " + e.getMessage(), e);
      }
    }).toList();
    return new PatternPack(p.name(), p.version(), sha256(yaml), p.languages(), p.extensions(), masker,
        p.sources().stream().map(Pattern::compile).toList(), Pattern.compile(p.assignment()), rules);
  }

  private static String upper(String s, String def) {
    return s == null ? def : s.toUpperCase(Locale.ROOT);
  }

  private static Pattern compile(String regex) {
    return regex == null ? null : Pattern.compile(regex);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
