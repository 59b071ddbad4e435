package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;

/**
 * Conan {@code conan.lock}: Conan 1 ({@code graph_lock.nodes}, each with a {@code ref}
 * {@code name/version@user/channel#rrev} or, in format 0.3, a {@code pref}
 * {@code name/version:package_id}) and Conan 2 ({@code requires}, {@code build_requires},
 * {@code python_requires} lists of {@code name/version#rrev%timestamp}). The root node (the
 * consumer conanfile, with a {@code path}) is left out; build requirements are DEV.
 */
final class ConanLockParser extends JsonLockfileParser {
  @Override
  public String name() {
    return "conan-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("conan.lock");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    JsonNode nodes = root.path("graph_lock").path("nodes");
    nodes.forEach(node -> {
      if (node.has("path")) {
        return; // the consumer project itself
      }
      String ref = Texts.str(node, "ref").isEmpty() ? Texts.str(node, "pref") : Texts.str(node, "ref");
      add(path, ref, node.path("context").asText("host").equals("build") ? Scope.DEV : Scope.RUNTIME, lines, out);
    });
    root.path("requires").forEach(r -> add(path, r.asText(), Scope.RUNTIME, lines, out));
    root.path("build_requires").forEach(r -> add(path, r.asText(), Scope.DEV, lines, out));
    root.path("python_requires").forEach(r -> add(path, r.asText(), Scope.DEV, lines, out));
    return ParseResult.of(Packages.dedupe(out));
  }

  private static void add(String path, String ref, Scope scope, LineLocator lines, ArrayList<InstalledPackage> out) {
    String nv = ref.split("[@#:%]", 2)[0];
    int slash = nv.indexOf('/');
    if (slash <= 0 || slash == nv.length() - 1) {
      return;
    }
    out.add(Packages.of("ConanCenter", nv.substring(0, slash), nv.substring(slash + 1), scope, null, path,
        lines.find("\"" + ref + "\"")));
  }
}
