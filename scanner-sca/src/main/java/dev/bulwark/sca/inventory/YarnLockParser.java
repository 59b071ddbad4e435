package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code yarn.lock}, both yarn v1 (custom format: {@code version "1.0.0"}) and berry (YAML:
 * {@code version: 1.0.0}, {@code resolution: "name@npm:1.0.0"}). Read line by line since v1 is
 * not YAML. Only registry packages are reported: berry resolutions with the {@code npm:}
 * protocol (also under {@code patch:}), v1 entries whose specifier is a range, tag or
 * {@code npm:} alias. Workspace, git, file and link entries are left out. Aliases report the
 * real package. The format does not tell dev from prod: direct dependencies and their scope
 * come from the sibling package.json when there is one (a devDependency there is DEV); every
 * transitive package is RUNTIME, since the lockfile keeps no graph roots to tell otherwise.
 */
final class YarnLockParser implements LockfileParser {
  @Override
  public String name() {
    return "yarn-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("yarn.lock") && !path.contains("node_modules/");
  }

  private record Entry(List<String> specs, int line, String version, String resolution) {}

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    List<Entry> entries;
    try {
      entries = entries(Texts.decode(content));
    } catch (IllegalArgumentException e) {
      return ParseResult.broken(path, e.getMessage());
    }
    NpmNames.Roots roots = NpmNames.rootDependencies(path, tree);
    var out = new ArrayList<InstalledPackage>();
    for (Entry e : entries) {
      String[] first = NpmNames.splitNameSpec(e.specs().get(0));
      String installName = first[0];
      String name;
      if (!e.resolution().isEmpty()) { // berry
        String[] res = NpmNames.splitNameSpec(e.resolution());
        if (!(res[1].startsWith("npm:") || (res[1].startsWith("patch:") && res[1].contains("npm%3A")))) {
          continue;
        }
        name = res[0];
      } else {
        String spec = first[1];
        var alias = NpmNames.alias(spec);
        if (alias == null && (spec.contains(":") || spec.contains("/") || spec.contains("#"))) {
          continue; // git, github shorthand, file:, link:, tarball URL
        }
        name = alias == null ? installName : alias[0];
      }
      if (!NpmNames.isRegistryVersion(e.version())) {
        continue;
      }
      Boolean isDirect = roots == null ? null : roots.names().contains(installName);
      Scope scope = roots != null && roots.devOnly().contains(installName) ? Scope.DEV : Scope.RUNTIME;
      out.add(Packages.of("npm", name, e.version(), scope, isDirect, path, e.line()));
    }
    return ParseResult.of(Packages.dedupe(out));
  }

  private static List<Entry> entries(String text) {
    var out = new ArrayList<Entry>();
    String[] lines = text.split("\r?\n", -1);
    List<String> specs = null;
    int startLine = 0;
    String version = "";
    String resolution = "";
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      boolean top = i == lines.length || (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#"));
      if (top) {
        if (specs != null) {
          out.add(new Entry(specs, startLine, version, resolution));
        }
        specs = null;
        version = "";
        resolution = "";
        if (i == lines.length || line.startsWith("__metadata")) {
          continue;
        }
        if (!line.endsWith(":")) {
          throw new IllegalArgumentException("line " + (i + 1) + ": not a yarn.lock entry: " + abbreviate(line));
        }
        specs = new ArrayList<>();
        for (String spec : line.substring(0, line.length() - 1).split(",")) {
          specs.add(unquote(spec.trim()));
        }
        startLine = i + 1;
      } else if (specs != null && line.startsWith("  ") && !line.startsWith("   ")) {
        String t = line.trim().replaceFirst("^\"(version|resolution)\"", "$1");
        if (t.startsWith("version ") || t.startsWith("version:")) {
          version = unquote(t.substring("version".length()).replaceFirst("^:?\\s*", ""));
        } else if (t.startsWith("resolution:")) {
          resolution = unquote(t.substring("resolution:".length()).trim());
        }
      }
    }
    return out;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
