package dev.bulwark.gate.policy.file;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.gate.risk.Exposure;
import dev.bulwark.gate.risk.RiskScore;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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

  private static final Set<String> TOP = Set.of("version", "failOn", "failOnScannerStatus", "suppressions",
      "lists", "rules", "exposure", "repo");
  private static final Set<String> FAIL_ON = Set.of("severity", "scopes", "onlyNew");
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
    var rules = top.containsKey("rules") ? rules(yaml, top.get("rules")) : List.<RuleSpec>of();
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
      SuppressionEntries.read(yaml, top.get("suppressions"), today, valid, ignored);
    }
    Exposure exposure = top.containsKey("exposure") ? exposure(yaml, top.get("exposure")) : Exposure.UNSPECIFIED;
    var repo = top.containsKey("repo") ? RepoGrant.parse(yaml, top.get("repo")) : RepoGrant.CENTRAL_DEFAULT;
    return new PolicyFile(path, t, rules.isEmpty(), valid, ignored, rules, lists, version, exposure, top.keySet(),
        repo);
  }

  private static Exposure exposure(YamlTree yaml, Node n) {
    String value = yaml.scalar(n, "exposure");
    return Exposure.fromYaml(value).orElseThrow(() -> new PolicyException(yaml.at(n)
        + ": exposure must be internet-facing or internal, not '" + value + "'"));
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

  private static List<RuleSpec> rules(YamlTree yaml, Node n) {
    var out = new ArrayList<RuleSpec>();
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
      out.add(new RuleSpec(name, nonBlank(yaml, expr, "expr"), action.equals("deny"), message,
          on.equals("scan"), YamlTree.line(r), YamlTree.line(expr) + (block ? 1 : 0)));
    }
    return out;
  }

  static String nonBlank(YamlTree yaml, Node n, String what) {
    String v = yaml.scalar(n, what);
    if (v.isBlank()) {
      throw new PolicyException(yaml.at(n) + ": " + what + " must not be empty");
    }
    return v.strip();
  }

  /** A short version label: the first 16 hex characters of the text's SHA-256. */
  public static String hash(String text) {
    return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8), 16);
  }
}
