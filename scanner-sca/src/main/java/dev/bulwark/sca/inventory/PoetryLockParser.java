package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code poetry.lock} (Poetry 1.x {@code category} and 2.x {@code groups}). A package in the
 * {@code main} group (or category) is RUNTIME, or OPTIONAL when {@code optional = true}; one only
 * in other groups (dev, test, docs...) is DEV. Packages from git, directory, file or url sources
 * are left out (their version is not a PyPI release); private index ({@code legacy}) ones stay.
 * poetry.lock does not tell direct from transitive.
 */
final class PoetryLockParser extends TomlLockfileParser {
  private static final Set<String> LOCAL_SOURCES = Set.of("git", "directory", "file", "url");

  @Override
  public String name() {
    return "poetry-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("poetry.lock");
  }

  @Override
  protected ParseResult read(String path, List<TomlPackageTable.Entry> entries, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    for (var e : entries) {
      JsonNode pkg = e.node();
      if (LOCAL_SOURCES.contains(Texts.str(pkg.path("source"), "type")) || e.version().isEmpty()) {
        continue;
      }
      out.add(Packages.of("PyPI", e.name(), e.version(), scope(pkg), null, path, e.line()));
    }
    return ParseResult.of(Packages.dedupe(out));
  }

  private static Scope scope(JsonNode pkg) {
    boolean main;
    if (pkg.has("groups")) {
      main = false;
      for (JsonNode g : pkg.get("groups")) {
        main |= g.asText().equals("main");
      }
    } else {
      String category = Texts.str(pkg, "category");
      main = category.isEmpty() || category.equals("main");
    }
    if (!main) {
      return Scope.DEV;
    }
    return pkg.path("optional").asBoolean(false) ? Scope.OPTIONAL : Scope.RUNTIME;
  }
}
