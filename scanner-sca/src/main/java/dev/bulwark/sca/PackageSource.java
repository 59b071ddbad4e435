package dev.bulwark.sca;

import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.sca.inventory.BuildResolver;
import dev.bulwark.sca.inventory.Inventory;
import dev.bulwark.v1.FileEntry;
import java.util.List;
import java.util.Optional;

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
    return new PackageSource() {
      @Override
      public Packages collect(ScanWorkspace workspace) throws Exception {
        var inventory = Inventory.collect(workspace, builds);
        int files = workspace.select(path -> Inventory.wanted(path, builds)).size();
        return new Packages(inventory.packages(), inventory.problems(), files);
      }

      @Override
      public boolean relevant(FileEntry file) {
        return Inventory.relevant(file, builds);
      }

      @Override
      public Optional<String> fingerprint() {
        var out = new StringBuilder("inventory");
        builds.forEach(b -> out.append(' ').append(b.name()).append('=').append(b.fingerprint().orElse("not kept")));
        return Optional.of(out.toString());
      }
    };
  }

  Packages collect(ScanWorkspace workspace) throws Exception;

  /** Whether {@link #collect} could read this file or let it change the packages (see {@link ScannerEngine#relevant}). */
  default boolean relevant(FileEntry file) {
    return true;
  }

  /**
   * What the packages depend on besides the relevant files (the builds' repositories and settings),
   * for the scanner's whole-answer key; empty (the default): not known, so answers are not kept.
   */
  default Optional<String> fingerprint() {
    return Optional.empty();
  }
}
