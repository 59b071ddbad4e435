package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.Map;

/**
 * Dart {@code pubspec.lock}: {@code dependency} is {@code direct main} (RUNTIME, direct),
 * {@code direct dev} (DEV, direct), {@code direct overridden} or {@code transitive}. Only
 * {@code hosted} packages are reported; git, path and sdk packages are not pub.dev releases.
 */
final class PubspecLockParser implements LockfileParser {
  @Override
  public String name() {
    return "pubspec-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("pubspec.lock");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String text = Texts.decode(content);
    JsonNode root;
    try {
      root = Texts.yaml(text);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid YAML: " + Texts.reason(e));
    }
    var lines = new LineLocator(text);
    int cursor = lines.find("packages:");
    var out = new ArrayList<InstalledPackage>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root.path("packages")::fields) {
      JsonNode pkg = e.getValue();
      int line = lines.findAfter(e.getKey() + ":", cursor);
      cursor = Math.max(cursor, line);
      String version = Texts.str(pkg, "version");
      if (!Texts.str(pkg, "source").equals("hosted") || version.isEmpty()) {
        continue;
      }
      String kind = Texts.str(pkg, "dependency");
      Scope scope = kind.equals("direct dev") ? Scope.DEV : Scope.RUNTIME;
      out.add(Packages.of("Pub", e.getKey(), version, scope, kind.startsWith("direct"), path, line));
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
