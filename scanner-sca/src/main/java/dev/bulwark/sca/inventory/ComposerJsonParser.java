package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.regex.Pattern;

/**
 * {@code composer.json} without {@code composer.lock}: require (RUNTIME) and require-dev (DEV)
 * pinned to one version ("1.2.3", "v1.2.3", "=1.2.3") are packages of medium confidence; the
 * platform ({@code php}, {@code ext-*}, {@code lib-*}, {@code composer-*}) is not a package;
 * constraints are named as unchecked (see {@link ManifestPins}).
 */
final class ComposerJsonParser extends JsonLockfileParser {
  private static final Pattern EXACT = Pattern.compile("^(?:==?)?\\s*v?([0-9]+(?:\\.[0-9]+){0,3}(?:-[0-9A-Za-z.]+)?)$");
  private static final Pattern PLATFORM = Pattern.compile("^(php(-64bit)?|hhvm|ext-.+|lib-.+|composer(-.+)?)$");

  @Override
  public String name() {
    return "composer-manifest";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("composer.json") && !path.contains("vendor/");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var pins = new ManifestPins(path, "Packagist", "composer.lock");
    for (String section : new String[] {"require", "require-dev"}) {
      int sectionLine = lines.find("\"" + section + "\"");
      for (var it = root.path(section).fields(); it.hasNext(); ) {
        var dep = it.next();
        String name = dep.getKey();
        if (PLATFORM.matcher(name.toLowerCase(java.util.Locale.ROOT)).matches()) {
          continue;
        }
        String spec = dep.getValue().asText("");
        var m = EXACT.matcher(spec.strip());
        if (m.matches()) {
          pins.pinned(name, m.group(1), section.equals("require") ? Scope.RUNTIME : Scope.DEV,
              lines.findAfter("\"" + name + "\"", sectionLine));
        } else {
          pins.unpinned(name, spec);
        }
      }
    }
    return pins.result();
  }
}
