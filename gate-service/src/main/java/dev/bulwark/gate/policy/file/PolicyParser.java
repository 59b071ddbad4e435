package dev.bulwark.gate.core;

import dev.bulwark.v1.Scope;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Parses a policy file (format in {@link PolicyFile}). Anything wrong with the file's shape is a
 * {@link PolicyException} (the verdict becomes ERROR); a bad suppression only makes that one
 * suppression ignored and reported, because the rest of the policy is still sound.
 */
public final class PolicyParser {
  /** Bumped whenever the meaning of a policy file changes. */
  public static final String VERSION = "policy@1";
  /** Suppressions may not reach further ahead than this, so accepted risks get re-examined. */
  public static final int MAX_SUPPRESSION_DAYS = 366;

  private static final Set<String> TOP = Set.of("version", "failOn", "failOnScannerStatus", "suppressions",
      "lists", "rules", "exposure", "repo");
  private static final Set<String> FAIL_ON = Set.of("severity", "scopes", "onlyNew");
  private static final Set<String> SUPPRESSION = Set.of("fingerprint", "rule", "path", "package", "advisory",
      "reason", "expires");
  private static final Set<String> PACKAGE = Set.of("ecosystem", "name");
  private static final Set<String> RULE = Set.of("name", "expr", "action", "message", "on");

  private PolicyParser() {}

  /** The built-in default policy. */
  public static PolicyFile defaults() {
    return parse("", "(built-in default)", LocalDate.now());
  }

  /**
   * @param text  the YAML; blank means the built-in default
   * @param path  shown in messages (e.g. ".bulwark.yaml")
   * @param today the day suppressions are checked against
   */
  public static PolicyFile parse(String text, String path, LocalDate today) {
    var yaml = new YamlTree(path);
    Node root = text == null || text.isBlank() ? null : yaml.parse(text);
    String version = hash(VERSION + "\0" + RiskScore.VERSION + "\0" + (text == null ? "" : text));
    if (root == null) {
      return new PolicyFile(path, Thresholds.DEFAULT, true, List.of(), List.of(), List.of(), Map.of(), version,
          Exposure.UNSPECIFIED, Set.of(), RepoGrant.CENTRAL_DEFAULT);
    }
    var top = yaml.mapping(root, "the policy", TOP);
    if (top.containsKey("version") && !"1".equals(yaml.scalar(top.get("version"), "version"))) {
      throw new PolicyException(yaml.at(top.get("version")) + ": unsupported policy version (only 1)");
    }
    Thresholds t = Thresholds.DEFAULT;
    if (top.containsKey("failOn")) {
      t = failOn(yaml, top.get("failOn"), t);
    }
    if (top.containsKey("failOnScannerStatus")) {
      var s = yaml.enumValue(top.get("failOnScannerStatus"), ScannerStatus.class, "failOnScannerStatus",
          EnumSet.of(ScannerStatus.DEGRADED, ScannerStatus.FAILED));
      t = new Thresholds(t.severity(), t.scopes(), t.onlyNew(), s);
    }
    var rules = top.containsKey("rules") ? rules(yaml, top.get("rules")) : List.<PolicyFile.RuleSpec>of();
    if (!rules.isEmpty() && top.containsKey("failOn")) {
      throw new PolicyException(yaml.at(top.get("failOn"))
          + ": failOn and rules cannot both be set (rules replace the built-in severity and secret rules)");
    }
    var lists = new LinkedHashMap<String, List<String>>();
    if (top.containsKey("lists")) {
      var m = yaml.mapping(top.get("lists"), "lists", null);
      m.forEach((k, v) -> lists.put(k, yaml.scalars(v, "lists." + k)));
    }
    var valid = new ArrayList<Suppression>();
    var ignored = new ArrayList<String>();
    if (top.containsKey("suppressions")) {
      suppressions(yaml, top.get("suppressions"), today, valid, ignored);
    }
    Exposure exposure = top.containsKey("exposure")
        ? Exposure.parse(yaml.scalar(top.get("exposure"), "exposure"), yaml.at(top.get("exposure")))
        : Exposure.UNSPECIFIED;
    var repo = top.containsKey("repo") ? RepoGrant.parse(yaml, top.get("repo")) : RepoGrant.CENTRAL_DEFAULT;
    return new PolicyFile(path, t, rules.isEmpty(), valid, ignored, rules, lists, version, exposure, top.keySet(),
        repo);
  }

  private static Thresholds failOn(YamlTree yaml, Node n, Thresholds d) {
    var m = yaml.mapping(n, "failOn", FAIL_ON);
    var severity = m.containsKey("severity")
        ? yaml.enumValue(m.get("severity"), Severity.class, "failOn.severity",
            EnumSet.range(Severity.INFO, Severity.CRITICAL))
        : d.severity();
    Set<Scope> scopes = d.scopes();
    if (m.containsKey("scopes")) {
      var list = new HashSet<Scope>();
      for (Node s : yaml.sequence(m.get("scopes"), "failOn.scopes")) {
        list.add(yaml.enumValue(s, Scope.class, "failOn.scopes entry", EnumSet.range(Scope.RUNTIME, Scope.OPTIONAL)));
      }
      scopes = list;
    }
    boolean onlyNew = m.containsKey("onlyNew") ? yaml.bool(m.get("onlyNew"), "failOn.onlyNew") : d.onlyNew();
    return new Thresholds(severity, scopes, onlyNew, d.failOnScannerStatus());
  }

  /**
   * Reads a list of suppressions: valid ones into {@code valid}, each one not applied (expired,
   * reason-less, malformed, too far ahead) as a line into {@code ignored}.
   */
  static void suppressions(YamlTree yaml, Node list, LocalDate today, List<Suppression> valid, List<String> ignored) {
    for (Node n : yaml.sequence(list, "suppressions")) {
      try {
        var s = suppression(yaml, n, today);
        if (s.activeOn(today)) {
          valid.add(s);
        } else {
          ignored.add("suppression at " + yaml.at(n) + " not applied: expired on " + s.expires()
              + " (" + s.describe() + ")");
        }
      } catch (PolicyException e) {
        ignored.add("suppression not applied: " + e.getMessage());
      }
    }
  }

  private static Suppression suppression(YamlTree yaml, Node n, LocalDate today) {
    var m = yaml.mapping(n, "a suppression", SUPPRESSION);
    var criteria = new ArrayList<Suppression.Criterion>();
    if (m.containsKey("fingerprint")) {
      criteria.add(new Suppression.ByFingerprint(nonBlank(yaml, m.get("fingerprint"), "fingerprint")));
    }
    if (m.containsKey("rule")) {
      criteria.add(new Suppression.ByRule(nonBlank(yaml, m.get("rule"), "rule")));
    }
    if (m.containsKey("path")) {
      criteria.add(new Suppression.ByPath(nonBlank(yaml, m.get("path"), "path")));
    }
    if (m.containsKey("advisory")) {
      criteria.add(new Suppression.ByAdvisory(nonBlank(yaml, m.get("advisory"), "advisory")));
    }
    if (m.containsKey("package")) {
      Node p = m.get("package");
      if (p instanceof ScalarNode) {
        String purl = nonBlank(yaml, p, "package");
        if (!purl.startsWith("pkg:")) {
          throw new PolicyException(yaml.at(p) + ": package must be a purl (pkg:...) or {ecosystem, name}");
        }
        criteria.add(new Suppression.ByPurl(purl));
      } else {
        var pm = yaml.mapping(p, "package", PACKAGE);
        if (!pm.containsKey("ecosystem") || !pm.containsKey("name")) {
          throw new PolicyException(yaml.at(p) + ": package needs both ecosystem and name");
        }
        criteria.add(new Suppression.ByPackage(nonBlank(yaml, pm.get("ecosystem"), "package.ecosystem"),
            nonBlank(yaml, pm.get("name"), "package.name")));
      }
    }
    if (criteria.isEmpty()) {
      throw new PolicyException(yaml.at(n) + ": matches nothing (give fingerprint, rule, path, package or advisory)");
    }
    if (!m.containsKey("reason") || yaml.scalar(m.get("reason"), "reason").isBlank()) {
      throw new PolicyException(yaml.at(n) + ": reason is required (" + describe(criteria) + ")");
    }
    if (!m.containsKey("expires")) {
      throw new PolicyException(yaml.at(n) + ": expires is required (" + describe(criteria) + ")");
    }
    LocalDate expires;
    String raw = yaml.scalar(m.get("expires"), "expires");
    try {
      expires = LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new PolicyException(yaml.at(m.get("expires")) + ": expires must be an ISO date (YYYY-MM-DD), not '" + raw + "'");
    }
    if (expires.isAfter(today.plusDays(MAX_SUPPRESSION_DAYS))) {
      throw new PolicyException(yaml.at(m.get("expires")) + ": expires " + expires
          + " is more than one year ahead (" + describe(criteria) + ")");
    }
    return new Suppression(criteria, yaml.scalar(m.get("reason"), "reason").strip(), expires,
        yaml.file() + " line " + YamlTree.line(n));
  }

  private static List<PolicyFile.RuleSpec> rules(YamlTree yaml, Node n) {
    var out = new ArrayList<PolicyFile.RuleSpec>();
    var names = new HashSet<String>();
    for (Node r : yaml.sequence(n, "rules")) {
      var m = yaml.mapping(r, "a rule", RULE);
      for (String required : List.of("name", "expr", "action")) {
        if (!m.containsKey(required)) {
          throw new PolicyException(yaml.at(r) + ": rule needs '" + required + "'");
        }
      }
      String name = nonBlank(yaml, m.get("name"), "rule name");
      if (!names.add(name)) {
        throw new PolicyException(yaml.at(m.get("name")) + ": duplicate rule name '" + name + "'");
      }
      String action = yaml.scalar(m.get("action"), "action");
      if (!action.equals("deny") && !action.equals("warn")) {
        throw new PolicyException(yaml.at(m.get("action")) + ": action must be deny or warn, not '" + action + "'");
      }
      String on = m.containsKey("on") ? yaml.scalar(m.get("on"), "on") : "finding";
      if (!on.equals("finding") && !on.equals("scan")) {
        throw new PolicyException(yaml.at(m.get("on")) + ": on must be finding or scan, not '" + on + "'");
      }
      String message = m.containsKey("message") ? yaml.scalar(m.get("message"), "message") : name;
      Node expr = m.get("expr");
      // A block scalar (expr: | or >) starts on the line after its indicator.
      boolean block = expr instanceof ScalarNode sn && (sn.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
          || sn.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
      out.add(new PolicyFile.RuleSpec(name, nonBlank(yaml, expr, "expr"), action.equals("deny"), message,
          on.equals("scan"), YamlTree.line(r), YamlTree.line(expr) + (block ? 1 : 0)));
    }
    return out;
  }

  private static String nonBlank(YamlTree yaml, Node n, String what) {
    String v = yaml.scalar(n, what);
    if (v.isBlank()) {
      throw new PolicyException(yaml.at(n) + ": " + what + " must not be empty");
    }
    return v.strip();
  }

  private static String describe(List<Suppression.Criterion> c) {
    return String.join(", ", c.stream().map(Suppression.Criterion::describe).toList());
  }

  static String hash(String text) {
    try {
      var md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
