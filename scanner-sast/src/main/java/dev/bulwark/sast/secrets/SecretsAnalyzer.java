package dev.bulwark.sast.secrets;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.path.GeneratedFiles;
import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.verify.VerificationSession;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
  public static final String VERSION = "2";
  /** Lines longer than this (minified code, blobs) are searched only near each keyword. */
  static final int LONG_LINE = 4096;
  static final int WINDOW = 300;
  /** Lines a finding's snippet shows (SourceFile.snippet). */
  static final int SNIPPET_LINES = 5;

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

  /** The built-in pack, its parsed YAML kept in {@code cacheDir} between runs ({@link SecretRulePack#builtIn(Path)}). */
  public static SecretsAnalyzer builtIn(Path cacheDir) {
    return new SecretsAnalyzer(SecretRulePack.builtIn(cacheDir));
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
   * One reported secret: the finding (secret redacted), the rule that found it, the judgements, and
   * a SHA-256 of the secret, so callers can tell the same secret apart from a different one behind
   * the same redacted line. The secret itself is kept in memory only for liveness verification.
   */
  public record SecretMatch(SecretRule rule, Judge.Verdict verdict, Finding finding, String secretHash, String secret) {
    @Override
    public String toString() { // never the secret itself
      return rule.id() + "@" + finding.getLocation().getPath() + ":" + finding.getLocation().getStartLine();
    }
  }

  @Override
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) {
    matches(file, project.shared(VerificationSession.class, () -> null), m -> out.accept(m.finding()));
  }

  /** As {@link #analyze}, with the rule and the secret's hash of every finding. */
  public void matches(SourceFile file, Consumer<SecretMatch> out) {
    matches(file, null, out);
  }

  /**
   * As {@link #matches(SourceFile, Consumer)}; with a verification session (the scan asked for
   * {@code --verify-secrets}), each finding also says what its provider answered.
   */
  public void matches(SourceFile file, VerificationSession session, Consumer<SecretMatch> out) {
    String text = file.text();
    int[] lineStarts = lineStarts(text);
    // By identity (the pack's rules): a record's hashCode hashes every field, lists and all, per keyword hit.
    Map<SecretRule, Set<Integer>> todo = new java.util.IdentityHashMap<>();
    // Per rule: lines to search (>= 0), or, on long lines, -(keyword end) - 1 for a window around it.
    automaton.scan(text, (k, end) -> {
      int line = lineIndex(lineStarts, end - 1);
      boolean longLine = lineEnd(text, lineStarts, line) - lineStarts[line] > LONG_LINE;
      for (SecretRule rule : rulesByKeyword.get(k)) {
        todo.computeIfAbsent(rule, r -> new HashSet<>()).add(longLine && rule.lines() == 1 ? -end - 1 : line);
      }
    });
    var best = new HashMap<String, Judged>(); // line:secret -> the most specific rule's match
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
          int group = secretGroup(rule, m);
          String secret = group < 0 ? null : m.group(group);
          if (secret == null || secret.isEmpty()) {
            continue;
          }
          int start = lineIndex(lineStarts, m.start(group)) + 1;
          String slot = start + ":" + secret;
          Judged seen = best.get(slot);
          if (seen != null && seen.rule().kind().precedence() <= rule.kind().precedence()) {
            continue;
          }
          var verdict = Judge.judge(rule, secret, nameOf(m), m.group(), file.path());
          if (verdict.isEmpty()) {
            continue;
          }
          int matchStart = lineIndex(lineStarts, m.start()) + 1;
          int endLine = lineIndex(lineStarts, Math.max(m.start(), m.end() - 1)) + 1;
          if (start - matchStart >= SNIPPET_LINES) { // the snippet must show the (redacted) secret's line
            matchStart = start;
          }
          best.put(slot, new Judged(rule, verdict.get(), matchStart, endLine, start, secret));
        }
      }
    }
    report(file, lineStarts, best.values(), session, out);
  }

  /** One judged match before it becomes a finding. */
  private record Judged(SecretRule rule, Judge.Verdict verdict, int start, int end, int secretLine, String secret) {}

  /** Reports in line order; a generic rule only speaks where no provider rule reported the same line. */
  private void report(SourceFile file, int[] lineStarts, Collection<Judged> judged, VerificationSession session,
      Consumer<SecretMatch> out) {
    var providerLines = new HashSet<Integer>();
    judged.stream().filter(c -> !c.rule().generic()).forEach(c -> providerLines.add(c.secretLine()));
    var reported = judged.stream()
        .filter(c -> !c.rule().generic() || !providerLines.contains(c.secretLine()))
        .sorted(Comparator.comparingInt(Judged::start).thenComparing(c -> c.rule().id())).toList();
    var candidates = reported.stream()
        .map(c -> new VerificationSession.Candidate(c.rule(), c.secret(), c.secretLine())).toList();
    for (int i = 0; i < reported.size(); i++) {
      Judged c = reported.get(i);
      Finding finding = SecretFindings.of(c.rule(), c.verdict(), id(), file, lineStarts, c.start(), c.end(), c.secret());
      if (session != null) {
        var liveness = session.verify(candidates.get(i), candidates);
        if (liveness.isPresent()) {
          finding = VerificationSession.apply(finding, liveness.get());
        }
      }
      out.accept(new SecretMatch(c.rule(), c.verdict(), finding, sha256(c.secret()), c.secret()));
    }
  }

  /**
   * The group holding the secret: the rule's {@code secretGroup}, or, when it has none (-1), the
   * first group that matched (rules whose alternatives capture the secret in different groups).
   */
  public static int secretGroup(SecretRule rule, java.util.regex.Matcher m) {
    if (rule.secretGroup() >= 0) {
      return rule.secretGroup();
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return g;
      }
    }
    return m.groupCount() == 0 ? 0 : -1;
  }

  /** The name a value is assigned to, when the rule captures one as group "name". */
  private static String nameOf(java.util.regex.Matcher m) {
    try {
      String name = m.group("name");
      return name == null ? "" : name;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static String sha256(String secret) {
    return Digests.sha256Hex(secret);
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
