package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.Map;

/**
 * Pipenv {@code Pipfile.lock}: {@code default} is RUNTIME, {@code develop} DEV; versions are
 * {@code ==x.y.z}. Entries without a version (VCS, path, editable) are left out. The lock does
 * not tell direct from transitive.
 */
final class PipfileLockParser extends JsonLockfileParser {
  @Override
  public String name() {
    return "pipfile-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("Pipfile.lock");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    for (String section : new String[] {"default", "develop"}) {
      int cursor = Math.max(0, lines.find("\"" + section + "\"") - 1);
      Scope scope = section.equals("default") ? Scope.RUNTIME : Scope.DEV;
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root.path(section)::fields) {
        String version = Texts.str(e.getValue(), "version");
        if (!version.startsWith("==")) {
          continue;
        }
        int line = lines.findJsonKey(e.getKey(), cursor);
        cursor = Math.max(cursor, line > 0 ? line - 1 : 0);
        out.add(Packages.of("PyPI", e.getKey(), version.replaceFirst("^===?", ""), scope, null, path, line));
      }
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
