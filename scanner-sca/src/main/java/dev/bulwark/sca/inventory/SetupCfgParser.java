package dev.bulwark.sca.inventory;

import dev.bulwark.v1.Scope;

/**
 * {@code setup.cfg} without a lockfile: {@code [options] install_requires} (RUNTIME),
 * {@code tests_require} (TEST) and {@code [options.extras_require]} (OPTIONAL; TEST for a test
 * extra), one PEP 508 requirement per continuation line (see {@link PythonManifests}).
 */
final class SetupCfgParser implements LockfileParser {

  @Override
  public String name() {
    return "setup-cfg";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("setup.cfg");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    var pins = new ManifestPins(path, "PyPI", PythonManifests.LOCKFILES);
    String section = "";
    Scope scope = null;
    String[] lines = Texts.decode(content).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i].replace("\r", "");
      String line = raw.replaceFirst("\\s[#;].*$", "");
      if (line.strip().startsWith("#") || line.strip().startsWith(";") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.strip();
        scope = null;
        continue;
      }
      boolean continuation = Character.isWhitespace(line.charAt(0));
      if (!continuation) {
        int eq = line.indexOf('=');
        String key = eq < 0 ? line.strip() : line.substring(0, eq).strip();
        String value = eq < 0 ? "" : line.substring(eq + 1).strip();
        scope = scope(section, key);
        if (scope != null && !value.isEmpty()) {
          PythonManifests.requirement(pins, value, scope, i + 1);
        }
      } else if (scope != null) {
        PythonManifests.requirement(pins, line.strip(), scope, i + 1);
      }
    }
    return pins.result();
  }

  /** The scope of a key's requirements, null for keys that list none. */
  private static Scope scope(String section, String key) {
    if (section.equals("[options]")) {
      return switch (key) {
        case "install_requires" -> Scope.RUNTIME;
        case "tests_require" -> Scope.TEST;
        default -> null;
      };
    }
    if (section.equals("[options.extras_require]")) {
      return PythonManifests.groupScope(key) == Scope.TEST ? Scope.TEST : Scope.OPTIONAL;
    }
    return null;
  }
}
