package dev.bulwark.gate.policy.file;

import dev.bulwark.gate.suppression.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A repository's {@code .bulwarkignore.yaml}: its accepted risks, in the same entry format as a
 * policy's {@code suppressions} (see {@link PolicyFile}).
 *
 * <pre>
 * version: 1                       # optional
 * suppressions:
 *   - fingerprint: 1f2e...         # and/or rule, path (glob), package (purl or {ecosystem, name}), advisory
 *     reason: "test fixture, never deployed"   # required
 *     expires: 2026-12-31                      # required, at most one year ahead
 * </pre>
 *
 * Nothing in it can make the gate fail or error: an entry that is expired, has no reason, reaches
 * too far ahead or is malformed is not applied and is reported; a file that is not valid YAML (or
 * not of this shape) applies nothing and is reported as a whole.
 *
 * @param path    where it was read from
 * @param valid   entries that apply today
 * @param ignored one line per entry (or whole file) not applied, with why
 */
public record IgnoreFile(String path, List<Suppression> valid, List<String> ignored) {
  /** The name the gateway looks for in the scanned tree's root. */
  public static final String DEFAULT_PATH = ".bulwarkignore.yaml";

  private static final Set<String> TOP = Set.of("version", "suppressions");

  public IgnoreFile {
    valid = List.copyOf(valid);
    ignored = List.copyOf(ignored);
  }

  /** No file. */
  public static IgnoreFile none() {
    return new IgnoreFile(DEFAULT_PATH, List.of(), List.of());
  }

  /** Parses the file; never throws for bad content (see the type's description). */
  public static IgnoreFile parse(String text, String path, LocalDate today) {
    String where = path == null || path.isBlank() ? DEFAULT_PATH : path;
    if (text == null || text.isBlank()) {
      return new IgnoreFile(where, List.of(), List.of());
    }
    var yaml = new YamlTree(where);
    var valid = new ArrayList<Suppression>();
    var ignored = new ArrayList<String>();
    try {
      Node root = yaml.parse(text);
      if (root != null) {
        var top = yaml.mapping(root, "the ignore file", TOP);
        if (top.containsKey("version") && !"1".equals(yaml.scalar(top.get("version"), "version"))) {
          throw new PolicyException(yaml.at(top.get("version")) + ": unsupported ignore file version (only 1)");
        }
        if (top.containsKey("suppressions")) {
          SuppressionEntries.read(yaml, top.get("suppressions"), today, valid, ignored);
        }
      }
    } catch (PolicyException e) {
      valid.clear();
      ignored.add(where + " not applied: " + e.getMessage());
    }
    return new IgnoreFile(where, valid, ignored);
  }
}
