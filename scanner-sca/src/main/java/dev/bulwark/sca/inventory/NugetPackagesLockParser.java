package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.Map;

/**
 * NuGet {@code packages.lock.json}: {@code dependencies} per target framework, each package
 * with a {@code type} (Direct, Transitive, CentralTransitive, Project) and a {@code resolved}
 * version. Project references have no version and are left out; a package listed under
 * several frameworks is reported once (direct if it is direct anywhere).
 */
final class NugetPackagesLockParser extends JsonLockfileParser {
  @Override
  public String name() {
    return "nuget-packages-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("packages.lock.json");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    for (Map.Entry<String, JsonNode> fw : (Iterable<Map.Entry<String, JsonNode>>) root.path("dependencies")::fields) {
      int cursor = Math.max(0, lines.find("\"" + fw.getKey() + "\"") - 1);
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) fw.getValue()::fields) {
        JsonNode pkg = e.getValue();
        String type = Texts.str(pkg, "type");
        String version = Texts.str(pkg, "resolved");
        int line = lines.findJsonKey(e.getKey(), cursor);
        cursor = Math.max(cursor, line);
        if (type.equalsIgnoreCase("Project") || version.isEmpty()) {
          continue;
        }
        out.add(Packages.of("NuGet", e.getKey(), version, Scope.RUNTIME, type.equalsIgnoreCase("Direct"), path, line));
      }
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
