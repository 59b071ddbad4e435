package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rust {@code Cargo.lock} (all versions). Only crates from a registry source are reported;
 * local path crates (no {@code source}, the workspace members) and git crates are left out, but
 * the dependencies of local crates are marked direct. Cargo.lock does not tell dev from normal
 * dependencies: all are RUNTIME.
 */
final class CargoLockParser extends TomlLockfileParser {
  @Override
  public String name() {
    return "cargo-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("Cargo.lock");
  }

  @Override
  protected ParseResult read(String path, List<TomlPackageTable.Entry> entries, ManifestSource tree) {
    Set<String> direct = new HashSet<>();
    for (var e : entries) {
      if (Texts.str(e.node(), "source").isEmpty()) {
        direct.addAll(TomlPackageTable.dependencyNames(e.node().path("dependencies")));
      }
    }
    var out = new ArrayList<InstalledPackage>();
    for (var e : entries) {
      String source = Texts.str(e.node(), "source");
      if (!(source.startsWith("registry+") || source.startsWith("sparse+")) || e.version().isEmpty()) {
        continue;
      }
      out.add(Packages.of("crates.io", e.name(), e.version(), Scope.RUNTIME, direct.contains(e.name()),
          path, e.line()));
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
