package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code package.json} without a lockfile (npm, yarn or pnpm beside it or above it, as
 * workspaces keep theirs): dependencies (RUNTIME), devDependencies (DEV) and optionalDependencies
 * (OPTIONAL) pinned to one version ("1.2.3", "=1.2.3", "v1.2.3") are packages of medium
 * confidence; ranges, tags, URLs and paths are named as unchecked (see {@link ManifestPins}).
 */
final class PackageJsonParser extends JsonLockfileParser {
  static final String LOCKFILES = "package-lock.json, npm-shrinkwrap.json, yarn.lock or pnpm-lock.yaml";
  private static final Pattern EXACT = Pattern.compile("^[=v]?\\s*([0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)$");
  private static final Map<String, Scope> SECTIONS = Map.of("dependencies", Scope.RUNTIME,
      "devDependencies", Scope.DEV, "optionalDependencies", Scope.OPTIONAL);

  @Override
  public String name() {
    return "npm-manifest";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("package.json") && !path.contains("node_modules/");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var pins = new ManifestPins(path, "npm", LOCKFILES);
    for (String section : new String[] {"dependencies", "devDependencies", "optionalDependencies"}) {
      JsonNode deps = root.path(section);
      int sectionLine = lines.find("\"" + section + "\"");
      for (var it = deps.fields(); it.hasNext(); ) {
        var dep = it.next();
        String spec = dep.getValue().asText("");
        var m = EXACT.matcher(spec.strip());
        if (m.matches()) {
          pins.pinned(dep.getKey(), m.group(1), SECTIONS.get(section), lines.findAfter("\"" + dep.getKey() + "\"", sectionLine));
        } else {
          pins.unpinned(dep.getKey(), spec);
        }
      }
    }
    return pins.result();
  }
}
