package dev.bulwark.gate.policy.file;

import dev.bulwark.v1.Severity;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a policy, as a project's central policy, lets the repository's own policy do ({@code repo:}
 * block). Without a central policy the repository's file replaces the built-in default
 * ({@link Allow#REPLACE}, the behaviour before central policies existed).
 *
 * <pre>
 * repo:
 *   allow: tighten        # repository rules may only add denies and warnings (default); none: ignored
 *   suppressions: allow   # repository suppressions (policy file, .bulwarkignore.yaml) apply (default); none: ignored
 *   suppressUpTo: MEDIUM  # repository suppressions only reach findings up to this severity (default: any)
 * </pre>
 *
 * @param allow        how far the repository's policy counts
 * @param suppressions whether the repository's suppressions apply
 * @param suppressUpTo the most severe finding a repository suppression may reach
 */
public record RepoGrant(Allow allow, boolean suppressions, Severity suppressUpTo) {
  /** How far a repository's policy counts. */
  public enum Allow {
    /** No central policy: the repository's file replaces the built-in default. */
    REPLACE,
    /** Repository rules, thresholds and exposure apply only where they are stricter. */
    TIGHTEN,
    /** The repository's policy is ignored (and reported). */
    NONE
  }

  /** A central policy without {@code repo:}. */
  public static final RepoGrant CENTRAL_DEFAULT = new RepoGrant(Allow.TIGHTEN, true, Severity.CRITICAL);
  /** No central policy at all. */
  public static final RepoGrant NO_CENTRAL = new RepoGrant(Allow.REPLACE, true, Severity.CRITICAL);

  private static final Set<String> KEYS = Set.of("allow", "suppressions", "suppressUpTo");

  /** As stored beside a central policy and shown by {@code bulwark policy show}. */
  public String describe() {
    return allow.name().toLowerCase(Locale.ROOT) + (!suppressions ? ", no suppressions"
        : suppressUpTo != Severity.CRITICAL ? ", suppressions up to " + suppressUpTo : "");
  }

  static RepoGrant parse(YamlTree yaml, Node n) {
    Map<String, Node> m = yaml.mapping(n, "repo", KEYS);
    Allow allow = Allow.TIGHTEN;
    if (m.containsKey("allow")) {
      String v = yaml.scalar(m.get("allow"), "repo.allow");
      allow = switch (v) {
        case "tighten" -> Allow.TIGHTEN;
        case "none" -> Allow.NONE;
        default -> throw new PolicyException(yaml.at(m.get("allow")) + ": repo.allow must be tighten or none, not '"
            + v + "'");
      };
    }
    boolean suppressions = true;
    if (m.containsKey("suppressions")) {
      String v = yaml.scalar(m.get("suppressions"), "repo.suppressions");
      suppressions = switch (v) {
        case "allow" -> true;
        case "none" -> false;
        default -> throw new PolicyException(yaml.at(m.get("suppressions"))
            + ": repo.suppressions must be allow or none, not '" + v + "'");
      };
    }
    Severity upTo = m.containsKey("suppressUpTo")
        ? yaml.enumValue(m.get("suppressUpTo"), Severity.class, "repo.suppressUpTo",
            EnumSet.range(Severity.INFO, Severity.CRITICAL))
        : Severity.CRITICAL;
    return new RepoGrant(allow, suppressions, upTo);
  }
}
