package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * npm {@code package-lock.json} (and {@code npm-shrinkwrap.json}), lockfileVersion 1, 2 and 3.
 * Versions 2/3 are read from {@code packages} (keys {@code node_modules/a/node_modules/b}),
 * version 1 from the nested {@code dependencies} tree. Aliases report the real package
 * ({@code name} field, or {@code npm:real@version}). Workspace links, {@code file:} and other
 * git, GitHub-tarball and other non-registry entries are left out: their version is not a registry
 * release, so no advisory range applies to it.
 * Direct dependencies come from the root package (v2/v3) or the sibling package.json (v1).
 */
final class NpmPackageLockParser extends JsonLockfileParser {
  @Override
  public String name() {
    return "npm-package-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String file = Texts.fileName(path);
    return (file.equals("package-lock.json") || file.equals("npm-shrinkwrap.json"))
        && !path.contains("node_modules/");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    JsonNode packages = root.get("packages");
    if (packages != null && packages.isObject() && packages.size() > 0) {
      readPackages(path, packages, lines, out);
    } else {
      NpmNames.Roots roots = NpmNames.rootDependencies(path, tree);
      readV1(path, root.get("dependencies"), true, roots == null ? null : roots.names(), lines, new int[] {0}, out);
    }
    return ParseResult.of(Packages.dedupe(out));
  }

  private static void readPackages(String path, JsonNode packages, LineLocator lines, List<InstalledPackage> out) {
    JsonNode rootPkg = packages.get("");
    Set<String> direct = new HashSet<>();
    for (String field : NpmNames.DEPENDENCY_FIELDS) {
      if (rootPkg != null && rootPkg.get(field) != null) {
        rootPkg.get(field).fieldNames().forEachRemaining(direct::add);
      }
    }
    int cursor = 0; // entries are located in file order
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) packages::fields) {
      String key = e.getKey();
      JsonNode pkg = e.getValue();
      int at = key.lastIndexOf("node_modules/");
      if (at < 0 || pkg.path("link").asBoolean(false)) {
        continue; // the root, workspace folders and links to them: local code, not installed packages
      }
      String installName = key.substring(at + "node_modules/".length());
      String name = Texts.str(pkg, "name").isEmpty() ? installName : Texts.str(pkg, "name");
      String version = Texts.str(pkg, "version");
      var alias = NpmNames.alias(version);
      if (alias != null) {
        name = alias[0];
        version = alias[1];
      }
      if (!NpmNames.isRegistryVersion(version) || !NpmNames.isRegistryResolved(Texts.str(pkg, "resolved"))) {
        continue;
      }
      boolean isDirect = key.equals("node_modules/" + installName) && direct.contains(installName);
      int line = lines.findJsonKey(key, cursor);
      cursor = Math.max(cursor, line);
      out.add(Packages.of("npm", name, version, scope(pkg), isDirect, path, line));
    }
  }

  private static void readV1(String path, JsonNode deps, boolean top, Set<String> direct,
      LineLocator lines, int[] cursor, List<InstalledPackage> out) {
    if (deps == null || !deps.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) deps::fields) {
      String name = e.getKey();
      JsonNode pkg = e.getValue();
      int line = lines.findJsonKey(name, cursor[0]);
      if (line > 0) {
        cursor[0] = line;
      }
      String version = Texts.str(pkg, "version");
      var alias = NpmNames.alias(version);
      String realName = alias == null ? name : alias[0];
      version = alias == null ? version : alias[1];
      if (NpmNames.isRegistryVersion(version) && NpmNames.isRegistryResolved(Texts.str(pkg, "resolved"))) {
        Boolean isDirect = direct == null ? null : top && direct.contains(name);
        out.add(Packages.of("npm", realName, version, scope(pkg), isDirect, path, line));
      }
      readV1(path, pkg.get("dependencies"), false, direct, lines, cursor, out);
    }
  }

  private static Scope scope(JsonNode pkg) {
    if (pkg.path("dev").asBoolean(false)) {
      return Scope.DEV;
    }
    if (pkg.path("optional").asBoolean(false) || pkg.path("devOptional").asBoolean(false)) {
      return Scope.OPTIONAL;
    }
    return Scope.RUNTIME;
  }
}
