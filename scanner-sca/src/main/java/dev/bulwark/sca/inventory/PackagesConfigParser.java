package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;

/**
 * NuGet {@code packages.config} (.NET Framework projects): every installed package, transitive
 * ones included, each at its exact version; {@code developmentDependency="true"} → DEV. It lists
 * what is installed, so no lockfile is missing; it does not tell direct from transitive.
 */
final class PackagesConfigParser implements LockfileParser {

  @Override
  public String name() {
    return "nuget-packages-config";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equalsIgnoreCase("packages.config");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    Xml.Element root;
    try {
      root = Xml.parse(content);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid XML: " + Texts.reason(e));
    }
    if (!root.name().equals("packages")) {
      return ParseResult.broken(path, "root element is <" + root.name() + ">, not <packages>");
    }
    var out = new ArrayList<InstalledPackage>();
    var problems = new ArrayList<String>();
    for (Xml.Element p : root.children()) {
      String id = p.attribute("id");
      String version = p.attribute("version");
      if (!p.name().equals("package")) {
        continue;
      }
      if (id.isEmpty() || version.isEmpty()) {
        problems.add(path + ":" + p.line() + ": <package> without id or version");
        continue;
      }
      Scope scope = p.attribute("developmentDependency").equals("true") ? Scope.DEV : Scope.RUNTIME;
      out.add(Packages.of("NuGet", id, version, scope, null, path, p.line()));
    }
    return new ParseResult(Packages.dedupe(out), problems);
  }
}
