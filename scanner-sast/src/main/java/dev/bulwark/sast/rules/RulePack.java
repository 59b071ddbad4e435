package dev.bulwark.sast.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.sast.lang.EntryPoints;
import dev.bulwark.sast.taint.Label;
import dev.bulwark.sast.taint.LanguageModel;
import dev.bulwark.sast.taint.SinkClass;
import dev.bulwark.sast.taint.SourcePattern;
import dev.bulwark.sast.taint.TaintRule;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A language's rule pack, read from {@code rules/<language>/model.yaml} (the framework model:
 * request objects, sources, sanitisers, entry points) and {@code rules/<language>/rules.yaml}
 * (the rules), with a version and a digest of both files for cache invalidation.
 *
 * <p>{@code prefilter}: a file in which this expression finds nothing holds no source, no entry
 * point and nothing a rule without taint looks for, so it is not parsed at all (a call from another
 * file still reads it, for its summary).
 */
public record RulePack(String language, String version, String hash, LanguageModel model, EntryPoints entryPoints,
    Pattern prefilter) {

  record SourcesYaml(List<String> remote, List<String> local) {}

  record SanitizerYaml(String callee, List<String> classes) {}

  record EntryYaml(String function, String param, List<String> exceptNames, String exceptTypes) {}

  record ModelYaml(String language, String version, List<String> requestNames, String requestTypes,
      SourcesYaml sources, List<SanitizerYaml> sanitizers, String lookups, String prefilter, Boolean cleanMethodResults, List<EntryYaml> entryPoints) {}

  record RuleYaml(String id, String message, String severity, List<Integer> cwe, String confidence,
      String sinkClass, String callee, String assign, Boolean returnFromEntry, List<Object> args,
      List<String> keys, Boolean receiver, String require, String argsMatch, String argsNotMatch, String fileMatch,
      Boolean localSources, String remediation) {}

  public static RulePack builtIn(String language) {
    byte[] model = resource(language, "model.yaml");
    byte[] rules = resource(language, "rules.yaml");
    try {
      return parse(model, rules);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("rule pack " + language + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String language, String file) {
    String name = "/dev/bulwark/sast/rules/" + language + "/" + file;
    try (InputStream in = RulePack.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no rule pack file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  public static RulePack parse(byte[] modelYaml, byte[] rulesYaml) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    ModelYaml m = mapper.readValue(modelYaml, ModelYaml.class);
    List<RuleYaml> rs = mapper.readValue(rulesYaml,
        mapper.getTypeFactory().constructCollectionType(List.class, RuleYaml.class));
    var sources = new ArrayList<SourcePattern>();
    if (m.sources() != null) {
      nullSafe(m.sources().remote()).forEach(s -> sources.add(SourcePattern.parse(s, Label.Kind.REMOTE)));
      nullSafe(m.sources().local()).forEach(s -> sources.add(SourcePattern.parse(s, Label.Kind.LOCAL)));
    }
    var sanitizers = nullSafe(m.sanitizers()).stream()
        .map(s -> new LanguageModel.Sanitizer(Pattern.compile(s.callee()), SinkClass.mask(s.classes()))).toList();
    var entries = nullSafe(m.entryPoints()).stream().map(e -> new EntryPoints.Rule(compile(e.function()),
        compile(e.param()), nullSafe(e.exceptNames()), compile(e.exceptTypes()))).toList();
    var rules = rs.stream().map(RulePack::rule).toList();
    var model = new LanguageModel(m.language(), nullSafe(m.requestNames()), compile(m.requestTypes()), sources,
        sanitizers, compile(m.lookups()), Boolean.TRUE.equals(m.cleanMethodResults()), rules);
    byte[] both = new byte[modelYaml.length + rulesYaml.length];
    System.arraycopy(modelYaml, 0, both, 0, modelYaml.length);
    System.arraycopy(rulesYaml, 0, both, modelYaml.length, rulesYaml.length);
    return new RulePack(m.language(), m.version(), Digests.sha256Hex(both).substring(0, 16), model,
        new EntryPoints(entries), compile(m.prefilter()));
  }

  private static TaintRule rule(RuleYaml r) {
    try {
      var positions = new ArrayList<Integer>();
      var keywords = new ArrayList<String>();
      boolean all = false;
      for (Object a : r.args() == null ? List.<Object>of(0) : r.args()) {
        if (a instanceof Integer i) {
          positions.add(i);
        } else if ("all".equals(a)) {
          all = true;
        } else {
          keywords.add(String.valueOf(a));
        }
      }
      var select = new TaintRule.Selector(positions, keywords, nullSafe(r.keys()), all, Boolean.TRUE.equals(r.receiver()));
      return new TaintRule(r.id(), r.message(), Severity.valueOf(upper(r.severity(), "MEDIUM")),
          r.cwe() == null ? List.of() : r.cwe(), Confidence.valueOf("CONFIDENCE_" + upper(r.confidence(), "HIGH")),
          SinkClass.valueOf(upper(r.sinkClass(), "CODE")), compile(r.callee()), compile(r.assign()),
          Boolean.TRUE.equals(r.returnFromEntry()), select,
          TaintRule.Require.valueOf(upper(r.require(), "TAINT").replace("NONCONSTANT", "NON_CONSTANT")),
          compile(r.argsMatch()), compile(r.argsNotMatch()), compile(r.fileMatch()),
          Boolean.TRUE.equals(r.localSources()), r.remediation());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("rule " + r.id() + ": " + e.getMessage(), e);
    }
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String upper(String s, String def) {
    return s == null ? def : s.toUpperCase(Locale.ROOT);
  }

  private static Pattern compile(String regex) {
    return regex == null ? null : Pattern.compile(regex);
  }
}
