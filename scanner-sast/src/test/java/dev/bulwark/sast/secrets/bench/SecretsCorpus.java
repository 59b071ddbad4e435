package dev.bulwark.sast.secrets.bench;

import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.RuleYaml;
import dev.bulwark.sast.secrets.SampleText;
import dev.bulwark.sast.secrets.SecretRule;
import dev.bulwark.sast.secrets.SecretRulePack;
import dev.bulwark.sast.secrets.SecretsAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The labelled corpus of the secrets analyzer and its two figures.
 *
 * <p>Positives: every rule's positive samples, each expanded with three seeds, the secret written
 * in every syntax of {@link Contexts} (rules limited to file types or spanning lines keep their
 * samples as written). Found means a finding on the secret's line; "by its own rule" means the
 * provider rule that describes it. Negatives: every rule's negative samples, and look-alike lines
 * from real code labelled by hand ({@code bench/sast/secrets-corpus/*.tsv}). A false alarm is any
 * finding on a real-code look-alike, and a provider rule's finding on a rule's negative sample.
 *
 * <p>{@code SecretsCorpus [--lookalikes FILE]... [--show N]}
 */
public final class SecretsCorpus {
  private static final int SEEDS = 3;
  private final SecretsAnalyzer analyzer = SecretsAnalyzer.builtIn();
  private final Map<String, SecretRule> rules = new TreeMap<>();

  private SecretsCorpus() {
    analyzer.pack().rules().forEach(r -> rules.put(r.id(), r));
  }

  /** One labelled text. */
  record Sample(String rule, String context, String file, String text, String secret, boolean secretExpected) {}

  public static void main(String[] args) throws IOException {
    var lookalikes = new ArrayList<Path>();
    int show = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--lookalikes" -> lookalikes.add(Path.of(args[++i]));
        case "--show" -> show = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    new SecretsCorpus().run(lookalikes, show);
  }

  private void run(List<Path> lookalikes, int show) throws IOException {
    var positives = positives();
    var negatives = negatives(lookalikes);
    int found = 0;
    int byRule = 0;
    var missed = new ArrayList<String>();
    var perRule = new TreeMap<String, int[]>();
    for (Sample s : positives) {
      var ids = findingsOnSecretLine(s);
      int[] counts = perRule.computeIfAbsent(s.rule(), k -> new int[2]);
      counts[1]++;
      if (!ids.isEmpty()) {
        found++;
        counts[0]++;
      } else {
        missed.add(s.rule() + " [" + s.context() + "] " + s.text().replace("\n", "\\n"));
      }
      if (ids.contains(s.rule())) {
        byRule++;
      }
    }
    int alarms = 0;
    var falseAlarms = new ArrayList<String>();
    int fromRules = 0;
    for (Sample s : negatives) {
      fromRules += s.rule().startsWith("secret.") ? 1 : 0;
      // A rule's negative was written against its provider format: a generic match on it (a short value
      // under a token-ish name) is no false alarm of that format. Real-code look-alikes count any finding.
      var found2 = scan(s.file(), s.text()).stream()
          .filter(id -> !s.rule().startsWith("secret.") || !rules.get(id).generic()).toList();
      if (!found2.isEmpty()) {
        alarms++;
        falseAlarms.add(found2 + " " + s.context() + " " + s.text().replace("\n", "\\n"));
      }
    }
    long providers = rules.values().stream().map(SecretRule::provider).distinct().count();
    System.out.printf(Locale.ROOT, "rules: %d (%d providers)%n", rules.size(), providers);
    System.out.printf(Locale.ROOT, "positives: %d secrets (%d rules x samples x %d seeds x %d syntaxes)%n",
        positives.size(), perRule.size(), SEEDS, Contexts.ALL.size());
    System.out.printf(Locale.ROOT, "recall: %.2f%% (%d found), by the secret's own rule: %.2f%%%n",
        100.0 * found / positives.size(), found, 100.0 * byRule / positives.size());
    System.out.printf(Locale.ROOT, "negatives: %d look-alikes (%d rule negatives, %d from real code)%n",
        negatives.size(), fromRules, negatives.size() - fromRules);
    System.out.printf(Locale.ROOT, "false-alarm rate: %.2f%% (%d flagged)%n", 100.0 * alarms / negatives.size(), alarms);
    long incomplete = perRule.values().stream().filter(c -> c[0] < c[1]).count();
    System.out.printf(Locale.ROOT, "rules with a missed positive: %d of %d%n", incomplete, perRule.size());
    missed.stream().limit(show).forEach(m -> System.out.println("MISS " + m));
    falseAlarms.stream().limit(show).forEach(m -> System.out.println("FALSE ALARM " + m));
  }

  private List<String> scan(String file, String text) {
    var ids = new ArrayList<String>();
    analyzer.matches(SourceFile.of(file, text), m -> ids.add(m.rule().id()));
    return ids;
  }

  /** Rule ids of the findings on the line where the secret starts. */
  private List<String> findingsOnSecretLine(Sample s) {
    int at = s.text().indexOf(s.secret());
    int line = (int) s.text().substring(0, Math.max(0, at)).chars().filter(c -> c == '\n').count() + 1;
    var ids = new ArrayList<String>();
    analyzer.matches(SourceFile.of(s.file(), s.text()), m -> {
      var loc = m.finding().getLocation();
      if (loc.getStartLine() <= line && line <= Math.max(loc.getEndLine(), loc.getStartLine())) {
        ids.add(m.rule().id());
      }
    });
    return ids;
  }

  private List<Sample> positives() throws IOException {
    var out = new ArrayList<Sample>();
    for (var family : SecretRulePack.builtInFamilies()) {
      for (RuleYaml r : family.rules()) {
        SecretRule rule = rules.get(r.id());
        String file = r.samples().file() == null ? "config.env" : r.samples().file();
        boolean asWritten = !rule.extensions().isEmpty() || rule.lines() > 2 || rule.generic() || r.regex() != null
            && r.token() == null && !r.regex().contains("{{assign}}") && !r.regex().contains("{{set}}");
        for (String template : r.samples().positive()) {
          for (int seed = 0; seed < SEEDS; seed++) {
            String text = SampleText.expand(template, r.id().hashCode() * 31L + seed * 7919L);
            var m = rule.regex().matcher(text);
            if (!m.find()) { // its own rule does not match it: a miss, whatever else finds
              out.add(new Sample(r.id(), "as written (rule does not match)", file, text, text.strip(), true));
              continue;
            }
            String secret = m.group(SecretsAnalyzer.secretGroup(rule, m));
            if (asWritten) {
              out.add(new Sample(r.id(), "as written", file, text, secret, true));
              continue;
            }
            String name = name(rule, template);
            for (Contexts c : Contexts.ALL) {
              out.add(new Sample(r.id(), c.name(), c.file(), c.render(name, secret), secret, true));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The name to write the secret under: for a context rule, the name its sample uses (it satisfies
   * the rule's name pattern, e.g. "pusher_app_secret"), else its keyword; for a self-identifying
   * token, the provider's name.
   */
  private static String name(SecretRule rule, String sample) {
    if (rule.kind() == SecretRule.Kind.CONTEXT) {
      var key = java.util.regex.Pattern.compile("^(?:export\\s+)?[\"']?([A-Za-z][\\w.-]*?)[\"']?\\s*[=:]")
          .matcher(sample);
      String keyword = rule.keywords().get(0).replaceAll("[^a-z0-9_-]", "");
      if (key.find() && key.group(1).toLowerCase(Locale.ROOT).contains(keyword)) {
        return key.group(1).toLowerCase(Locale.ROOT).replaceAll("_?(?:token|key)$", "");
      }
      return keyword;
    }
    String p = rule.provider().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return p.replaceAll("^_|_$", "");
  }

  private List<Sample> negatives(List<Path> lookalikeFiles) throws IOException {
    var out = new ArrayList<Sample>();
    for (var family : SecretRulePack.builtInFamilies()) {
      for (RuleYaml r : family.rules()) {
        String file = r.samples().file() == null ? "config.env" : r.samples().file();
        long seed = r.id().hashCode();
        for (String template : r.samples().negative()) {
          out.add(new Sample(r.id(), "rule negative", file, SampleText.expand(template, seed++), "", false));
        }
      }
    }
    var tab = Pattern.compile("\t");
    for (Path lookalikes : lookalikeFiles) {
      for (String line : Files.readAllLines(lookalikes)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = tab.split(line, 4); // label, source, path, text (\n and \t escaped)
        String text = cols[3].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
        if (cols[0].equals("secret")) {
          continue; // real credentials found in real code are positives of their own; none so far
        }
        String path = cols[2].replaceAll(":\\d+$", ""); // "path:line"
        out.add(new Sample("lookalike:" + cols[1], cols[1] + ":" + cols[2], path, text, "", false));
      }
    }
    return out;
  }
}
