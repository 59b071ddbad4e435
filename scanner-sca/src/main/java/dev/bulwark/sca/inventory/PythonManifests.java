package dev.bulwark.sca.inventory;

import dev.bulwark.v1.Scope;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What pyproject.toml and setup.cfg share: PEP 508 requirement strings ("name[extra]==1.0;
 * marker"), pinned only by one {@code ==} or {@code ===} clause, and the scope a dependency group
 * or extra's name implies (test/tests/testing → TEST, dev and others → DEV).
 */
final class PythonManifests {
  static final String LOCKFILES = "poetry.lock, uv.lock, Pipfile.lock or requirements.txt";
  private static final Pattern REQUIREMENT = Pattern.compile(
      "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*(\\(?[^;@]*\\)?)?\\s*(@.*)?(;.*)?$");
  private static final Pattern EXACT = Pattern.compile("^\\(?\\s*===?\\s*([0-9A-Za-z!+._-]+)\\s*\\)?$");

  private PythonManifests() {}

  /** Adds one PEP 508 requirement to the pins, pinned when its specifier is one exact version. */
  static void requirement(ManifestPins pins, String requirement, Scope scope, int line) {
    var m = REQUIREMENT.matcher(requirement);
    if (!m.matches()) {
      pins.unpinned(requirement.strip(), "");
      return;
    }
    String spec = m.group(3) == null ? "" : m.group(3).strip();
    var exact = EXACT.matcher(spec);
    if (m.group(4) == null && exact.matches() && !exact.group(1).contains("*")) {
      pins.pinned(m.group(1), exact.group(1), scope, line);
    } else {
      pins.unpinned(m.group(1), m.group(4) != null ? m.group(4).strip() : spec);
    }
  }

  /** The scope of a dependency group or extra, by its name. */
  static Scope groupScope(String group) {
    String g = group.toLowerCase(Locale.ROOT);
    return g.equals("test") || g.equals("tests") || g.equals("testing") ? Scope.TEST : Scope.DEV;
  }
}
