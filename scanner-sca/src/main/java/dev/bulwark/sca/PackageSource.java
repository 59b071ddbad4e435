package dev.bulwark.sca;

import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.sca.inventory.BuildResolver;
import dev.bulwark.sca.inventory.Inventory;
import java.util.List;

/**
 * Where the scanner gets the installed packages of a workspace from: in production the lockfile
 * inventory ({@code dev.bulwark.sca.inventory.Inventory}), in tests a fixed list.
 */
@FunctionalInterface
public interface PackageSource {
  /** Packages found, and problems that made the list incomplete ("web/yarn.lock: unsupported"). */
  record Packages(List<InstalledPackage> packages, List<String> problems, int filesScanned) {
    public Packages {
      packages = List.copyOf(packages);
      problems = List.copyOf(problems);
    }
  }

  /** The lockfiles and manifests of the scanned tree, read by {@link Inventory}, each file by itself. */
  PackageSource LOCKFILES = inventory(List.of());

  /** The lockfiles and manifests of the scanned tree, builds (Maven) resolved by the given resolvers. */
  static PackageSource inventory(List<BuildResolver> builds) {
    return workspace -> {
      var inventory = Inventory.collect(workspace, builds);
      int files = workspace.select(path -> Inventory.wanted(path, builds)).size();
      return new Packages(inventory.packages(), inventory.problems(), files);
    };
  }

  Packages collect(ScanWorkspace workspace) throws Exception;
}
