package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;

/**
 * PHP {@code composer.lock}: {@code packages} are RUNTIME, {@code packages-dev} DEV (a package
 * in both is RUNTIME). A leading {@code v} of the version is dropped (Packagist advisories use
 * bare versions). The lock does not tell direct from transitive.
 */
final class ComposerLockParser extends JsonLockfileParser {
  @Override
  public String name() {
    return "composer-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("composer.lock") && !path.contains("vendor/");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    for (String section : new String[] {"packages", "packages-dev"}) {
      int cursor = Math.max(0, lines.find("\"" + section + "\"") - 1);
      for (JsonNode pkg : root.path(section)) {
        String name = Texts.str(pkg, "name");
        String version = Texts.str(pkg, "version").replaceFirst("^v(?=\\d)", "");
        int line = lines.findAfter("\"name\": \"" + name + "\"", cursor);
        if (line == 0) {
          line = lines.findAfter("\"" + name + "\"", cursor);
        }
        cursor = Math.max(cursor, line);
        if (name.isEmpty() || version.isEmpty()) {
          continue;
        }
        out.add(Packages.of("Packagist", name, version,
            section.equals("packages") ? Scope.RUNTIME : Scope.DEV, null, path, line));
      }
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
