package dev.bulwark.sast.secrets;

import dev.bulwark.common.path.GeneratedFiles;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Committed credentials: one Aho-Corasick pass finds the keywords of all rules, then each rule's
 * regex runs only on the lines where one of its keywords occurs. Matches pass the rule's entropy
 * threshold and the placeholder allow-list; the secret is redacted from every finding.
 */
public final class SecretsAnalyzer implements Analyzer {
  public static final String VERSION = "1";
  /** Lines longer than this (minified code, blobs) are searched only near each keyword. */
  static final int LONG_LINE = 4096;
  static final int WINDOW = 300;
  private final SecretRulePack pack;
  private final KeywordAutomaton automaton;
  /** For each keyword of the automaton, the rules that listed it. */
  private final List<List<SecretRule>> rulesByKeyword = new ArrayList<>();

  public SecretsAnalyzer(SecretRulePack pack) {
    this.pack = pack;
    var index = new HashMap<String, Integer>();
    var keywords = new ArrayList<String>();
    for (SecretRule rule : pack.rules()) {
      for (String k : rule.keywords()) {
        int i = index.computeIfAbsent(k, x -> {
          keywords.add(x);
          rulesByKeyword.add(new ArrayList<>());
          return keywords.size() - 1;
        });
        rulesByKeyword.get(i).add(rule);
      }
    }
    this.automaton = new KeywordAutomaton(keywords);
  }

  public static SecretsAnalyzer builtIn() {
    return new SecretsAnalyzer(SecretRulePack.builtIn());
  }

  public SecretRulePack pack() {
    return pack;
  }

  @Override
  public String name() {
    return "secrets";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public boolean accepts(String path) {
    return scansPath(path);
  }

  /**
   * Whether the analyzer reads a file at this path: everything but lockfiles, minified code and
   * source maps (generated, large, full of hashes). The CLI uses it to skip such history versions.
   */
  public static boolean scansPath(String path) {
    return !GeneratedFiles.isGenerated(path);
  }

  @Override
  public List<DatabaseInfo> databases() {
    return List.of(DatabaseInfo.newBuilder().setName("rules:" + pack.name())
        .setVersion(pack.version() + "+" + pack.hash()).setRecords(pack.rules().size()).build());
  }

  /**
   * One reported secret: the finding (secret redacted), the rule that found it, and a SHA-256 of
   * the secret itself, so callers can tell the same secret apart from a different one behind the
   * same redacted line without holding the secret.
   */
  public record SecretMatch(SecretRule rule, Finding finding, String secretHash) {}

  @Override
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) {
    matches(file, m -> out.accept(m.finding()));
  }

  /** As {@link #analyze}, with the rule and the secret's hash of every finding. */
  public void matches(SourceFile file, Consumer<SecretMatch> out) {
    String text = file.text();
    int[] lineStarts = lineStarts(text);
    Map<SecretRule, Set<Integer>> todo = new HashMap<>();
    // Per rule: lines to search (>= 0), or, on long lines, -(keyword end) - 1 for a window around it.
    automaton.scan(text, (k, end) -> {
      int line = lineIndex(lineStarts, end - 1);
      boolean longLine = lineEnd(text, lineStarts, line) - lineStarts[line] > LONG_LINE;
      for (SecretRule rule : rulesByKeyword.get(k)) {
        todo.computeIfAbsent(rule, r -> new HashSet<>()).add(longLine && rule.lines() == 1 ? -end - 1 : line);
      }
    });
    var reported = new HashSet<String>();
    var specific = new HashSet<String>();
    var generic = new ArrayList<SecretMatch>();
    var genericSecrets = new ArrayList<String>();
    for (SecretRule rule : pack.rules()) {
      Set<Integer> lines = todo.get(rule);
      if (lines == null || !rule.appliesTo(file.path())) {
        continue;
      }
      for (int key : new TreeSet<>(lines)) {
        int from;
        int to;
        if (key >= 0) { // a match starts on its keyword's line and spans at most rule.lines() lines
          from = lineStarts[key];
          int last = Math.min(lineStarts.length - 1, key + rule.lines() - 1);
          to = last + 1 < lineStarts.length ? lineStarts[last + 1] : text.length();
        } else { // bounded work on a long line: only around the keyword
          int hit = -key - 1;
          int line = lineIndex(lineStarts, hit - 1);
          from = Math.max(lineStarts[line], hit - WINDOW);
          to = Math.min(lineEnd(text, lineStarts, line), hit + WINDOW);
        }
        var m = rule.regex().matcher(text).region(from, to);
        while (m.find()) {
          String secret = m.group(rule.secretGroup());
          if (secret == null || !rule.accepts(secret)) {
            continue;
          }
          int start = lineIndex(lineStarts, m.start()) + 1;
          int endLine = lineIndex(lineStarts, Math.max(m.start(), m.end() - 1)) + 1;
          if (!reported.add(rule.id() + ":" + start + ":" + secret)) {
            continue;
          }
          var match = new SecretMatch(rule, finding(rule, file, lineStarts, start, endLine, secret),
              sha256(secret));
          if (rule.id().contains("generic")) {
            generic.add(match);
            genericSecrets.add(start + ":" + secret);
          } else {
            specific.add(start + ":" + secret);
            out.accept(match);
          }
        }
      }
    }
    reportGeneric(generic, genericSecrets, specific, out);
  }

  /** A generic rule only speaks where no provider rule already reported the same line. */
  private static void reportGeneric(List<SecretMatch> generic, List<String> secrets, Set<String> specific,
      Consumer<SecretMatch> out) {
    var specificLines = new HashSet<Integer>();
    specific.forEach(s -> specificLines.add(Integer.parseInt(s.substring(0, s.indexOf(':')))));
    for (int i = 0; i < generic.size(); i++) {
      String key = secrets.get(i);
      if (!specificLines.contains(Integer.parseInt(key.substring(0, key.indexOf(':'))))) {
        out.accept(generic.get(i));
      }
    }
  }

  private Finding finding(SecretRule rule, SourceFile file, int[] lineStarts, int start, int end, String secret) {
    String text = file.text();
    int from = lineStarts[start - 1];
    int to = end < lineStarts.length ? lineStarts[end] : text.length();
    String raw = Redactor.redact(text.substring(from, to), secret);
    var shown = SourceFile.of(file.path(), raw).snippet(1, end - start + 1);
    boolean generic = rule.id().contains("generic");
    var info = new RuleInfo(rule.id(), rule.title() + " committed in source",
        "A " + rule.title().toLowerCase(Locale.ROOT) + " is committed in " + file.path()
            + ": anyone who can read the repository can use it.",
        rule.severity(), rule.cwe(), generic ? Confidence.CONFIDENCE_MEDIUM : Confidence.CONFIDENCE_HIGH,
        "Revoke and rotate the credential, then load it from a secret store or the environment.");
    return Findings.at(info, id(), file, start, end, shown);
  }

  static String sha256(String secret) {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int[] lineStarts(String text) {
    var starts = new ArrayList<Integer>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static int lineEnd(String text, int[] starts, int line) {
    return line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
  }

  static int lineIndex(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }
}
