package dev.bulwark.gate.policy.file;

import dev.bulwark.gate.suppression.Suppression;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code suppressions:} entries of a policy file or a {@code .bulwarkignore.yaml} (format in
 * {@link PolicyFile}). A bad entry never breaks the file: it is not applied and is reported.
 */
final class SuppressionEntries {
  private static final Set<String> SUPPRESSION = Set.of("fingerprint", "rule", "path", "package", "advisory",
      "reason", "expires");
  private static final Set<String> PACKAGE = Set.of("ecosystem", "name");

  private SuppressionEntries() {}

  /**
   * Reads a list of suppressions: valid ones into {@code valid}, each one not applied (expired,
   * reason-less, malformed, too far ahead) as a line into {@code ignored}.
   */
  static void read(YamlTree yaml, Node list, LocalDate today, List<Suppression> valid, List<String> ignored) {
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
      criteria.add(new Suppression.ByFingerprint(PolicyParser.nonBlank(yaml, m.get("fingerprint"), "fingerprint")));
    }
    if (m.containsKey("rule")) {
      criteria.add(new Suppression.ByRule(PolicyParser.nonBlank(yaml, m.get("rule"), "rule")));
    }
    if (m.containsKey("path")) {
      criteria.add(new Suppression.ByPath(PolicyParser.nonBlank(yaml, m.get("path"), "path")));
    }
    if (m.containsKey("advisory")) {
      criteria.add(new Suppression.ByAdvisory(PolicyParser.nonBlank(yaml, m.get("advisory"), "advisory")));
    }
    if (m.containsKey("package")) {
      Node p = m.get("package");
      if (p instanceof ScalarNode) {
        String purl = PolicyParser.nonBlank(yaml, p, "package");
        if (!purl.startsWith("pkg:")) {
          throw new PolicyException(yaml.at(p) + ": package must be a purl (pkg:...) or {ecosystem, name}");
        }
        criteria.add(new Suppression.ByPurl(purl));
      } else {
        var pm = yaml.mapping(p, "package", PACKAGE);
        if (!pm.containsKey("ecosystem") || !pm.containsKey("name")) {
          throw new PolicyException(yaml.at(p) + ": package needs both ecosystem and name");
        }
        criteria.add(new Suppression.ByPackage(PolicyParser.nonBlank(yaml, pm.get("ecosystem"), "package.ecosystem"),
            PolicyParser.nonBlank(yaml, pm.get("name"), "package.name")));
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
    if (expires.isAfter(today.plusDays(Suppression.MAX_DAYS))) {
      throw new PolicyException(yaml.at(m.get("expires")) + ": expires " + expires
          + " is more than one year ahead (" + describe(criteria) + ")");
    }
    return new Suppression(criteria, yaml.scalar(m.get("reason"), "reason").strip(), expires,
        yaml.file() + " line " + YamlTree.line(n));
  }

  private static String describe(List<Suppression.Criterion> c) {
    return String.join(", ", c.stream().map(Suppression.Criterion::describe).toList());
  }
}
