package dev.bulwark.sast.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Positive and negative samples per rule, from a YAML list in test resources. {@code {{kind:N}}}
 * expands to N seeded random characters, so no real-looking secret needs to be committed.
 */
public record Samples(String rule, String file, String positive, String negative) {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(\\w+):(\\d+)}}");
  private static final Map<String, String> ALPHABETS = Map.of(
      "alnum", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
      "upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
      "lower", "abcdefghijklmnopqrstuvwxyz0123456789",
      "b32u", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
      "b64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
      "urlsafe", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
      "hex", "0123456789abcdef",
      "lowerhex", "0123456789abcdef",
      "digits", "0123456789",
      "age", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L");

  public static List<Samples> load(String resource) throws Exception {
    try (InputStream in = Samples.class.getResourceAsStream(resource)) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Samples>>() {});
    }
  }

  /** Expands the templates with a generator seeded by the rule id. */
  public static String expand(String template, String seed) {
    var random = new Random(seed.hashCode());
    Matcher m = TEMPLATE.matcher(template);
    var sb = new StringBuilder();
    while (m.find()) {
      String alphabet = ALPHABETS.get(m.group(1));
      var s = new StringBuilder();
      for (int i = 0; i < Integer.parseInt(m.group(2)); i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(s.toString()));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** What the analyzer reports on one text. */
  public static List<Finding> run(Analyzer analyzer, String path, String text) throws Exception {
    var out = new ArrayList<Finding>();
    analyzer.analyze(SourceFile.of(path, text), new Project(), out::add);
    return out;
  }

  @Override
  public String toString() {
    return rule;
  }
}
