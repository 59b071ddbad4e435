package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code uv.lock}. Only packages from a {@code registry} source are reported; the project
 * itself and workspace members ({@code virtual}, {@code editable}, {@code directory}) and git or
 * path packages are left out. The members' {@code dependencies}, {@code optional-dependencies}
 * (extras) and {@code dev-dependencies} (groups) are direct. What the dependencies pull in is
 * RUNTIME; what only extras pull in is OPTIONAL (installed on request); what only dev groups
 * pull in is DEV.
 */
final class UvLockParser extends TomlLockfileParser {
  @Override
  public String name() {
    return "uv-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("uv.lock");
  }

  @Override
  protected ParseResult read(String path, List<TomlPackageTable.Entry> entries, ManifestSource tree) {
    Map<String, List<String>> graph = new HashMap<>();
    Set<String> prodRoots = new HashSet<>();
    Set<String> optionalRoots = new HashSet<>();
    Set<String> devRoots = new HashSet<>();
    for (var e : entries) {
      JsonNode pkg = e.node();
      graph.computeIfAbsent(e.name(), k -> new ArrayList<>())
          .addAll(TomlPackageTable.dependencyNames(pkg.path("dependencies")));
      if (!pkg.path("source").has("registry")) {
        prodRoots.addAll(TomlPackageTable.dependencyNames(pkg.path("dependencies")));
        pkg.path("optional-dependencies").forEach(g -> optionalRoots.addAll(TomlPackageTable.dependencyNames(g)));
        pkg.path("dev-dependencies").forEach(g -> devRoots.addAll(TomlPackageTable.dependencyNames(g)));
      }
    }
    Set<String> prod = reach(graph, prodRoots);
    Set<String> optional = reach(graph, optionalRoots);
    Set<String> dev = reach(graph, devRoots);
    var out = new ArrayList<InstalledPackage>();
    for (var e : entries) {
      if (!e.node().path("source").has("registry") || e.version().isEmpty()) {
        continue;
      }
      Scope scope = prod.contains(e.name()) ? Scope.RUNTIME : optional.contains(e.name()) ? Scope.OPTIONAL
          : dev.contains(e.name()) ? Scope.DEV : Scope.RUNTIME;
      boolean direct = prodRoots.contains(e.name()) || optionalRoots.contains(e.name()) || devRoots.contains(e.name());
      out.add(Packages.of("PyPI", e.name(), e.version(), scope, direct, path, e.line()));
    }
    return ParseResult.of(Packages.dedupe(out));
  }

  private static Set<String> reach(Map<String, List<String>> graph, Collection<String> roots) {
    var seen = new HashSet<String>();
    var queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (seen.add(name)) {
        queue.addAll(graph.getOrDefault(name, List.of()));
      }
    }
    return seen;
  }
}
